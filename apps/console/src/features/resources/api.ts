import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Resource = components['schemas']['ResourceDto'];

export function useResourcesUnderReview(page: number, q?: string) {
  return useQuery({
    queryKey: ['resources', 'review', page, q],
    queryFn: () =>
      call(
        api.GET('/api/resources', {
          params: { query: { status: 'pending_review', page, limit: 20, q: q || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useResourceDetail(id: string) {
  return useQuery({
    queryKey: ['resources', 'one', id],
    queryFn: () => call(api.GET('/api/resources/{id}', { params: { path: { id } } })),
  });
}

/** Publish, or send back to draft with a reason: both answer the resource as it now is. */
export function useReviewResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'publish' | 'reject'; reason?: string }) =>
      action === 'publish'
        ? call(api.POST('/api/resources/{id}/publish', { params: { path: { id } }, body: {} }))
        : call(
            api.POST('/api/resources/{id}/reject', { params: { path: { id } }, body: { reason } }),
          ),
    onSuccess: (resource) => {
      queryClient.setQueryData(['resources', 'one', id], resource);
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
      void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
    },
  });
}
