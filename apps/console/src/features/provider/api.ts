import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';
import type { OwnerAction } from './actions';

export type Resource = components['schemas']['ResourceDto'];
export type ResourceStatus = components['schemas']['ResourceStatus'];

/** The organization's resources: GET /api/resources lists a provider's own. */
export function useMyResources(page: number, status?: ResourceStatus, q?: string) {
  return useQuery({
    queryKey: ['resources', 'mine', page, status, q],
    queryFn: () =>
      call(
        api.GET('/api/resources', {
          params: { query: { page, limit: 20, status, q: q || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useResourceHistory(id: string | undefined) {
  return useQuery({
    queryKey: ['resources', 'history', id],
    enabled: !!id,
    queryFn: () =>
      call(
        api.GET('/api/resources/{id}/history', {
          params: { path: { id: id! }, query: { page: 1, limit: 100 } },
        }),
      ),
  });
}

/** Submit, pause, resume or close: each answers the resource as it now is. */
export function useResourceTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: OwnerAction; reason?: string }) => {
      const args = { params: { path: { id } }, body: reason ? { reason } : {} };
      switch (action) {
        case 'submit':
          return call(api.POST('/api/resources/{id}/submit', args));
        case 'pause':
          return call(api.POST('/api/resources/{id}/pause', args));
        case 'resume':
          return call(api.POST('/api/resources/{id}/resume', args));
        case 'close':
          return call(api.POST('/api/resources/{id}/close', args));
      }
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
      void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
    },
  });
}
