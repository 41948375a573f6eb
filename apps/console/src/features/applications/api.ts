import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Application = components['schemas']['ProviderApplicationDto'];
export type ApprovedApplication = components['schemas']['ApprovedProviderApplicationDto'];
export type ApplicationStatus = components['schemas']['ProviderApplicationStatus'];

export function useApplications(page: number, status?: ApplicationStatus) {
  return useQuery({
    queryKey: ['applications', 'list', page, status],
    queryFn: () =>
      call(
        api.GET('/api/provider-applications', {
          params: { query: { page, limit: 20, status } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['applications', 'one', id],
    queryFn: () => call(api.GET('/api/provider-applications/{id}', { params: { path: { id } } })),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
    void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
  };
}

export function useApproveApplication(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: components['schemas']['ApproveProviderApplicationDto']) =>
      call(api.POST('/api/provider-applications/{id}/approve', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRejectApplication(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/provider-applications/{id}/reject', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });
}
