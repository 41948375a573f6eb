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

export type NewResource = components['schemas']['CreateResourceDto'];
export type ResourceChanges = components['schemas']['UpdateResourceDto'];
export type EligibilityCheck = components['schemas']['EligibilityCheckDto'];

export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: ['resources', 'one', id],
    enabled: !!id,
    queryFn: () => call(api.GET('/api/resources/{id}', { params: { path: { id: id! } } })),
  });
}

/** A new draft (POST) or changes to one (PATCH, with the version read). */
export function useSaveResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: NewResource | ResourceChanges }) =>
      id
        ? call(
            api.PATCH('/api/resources/{id}', {
              params: { path: { id } },
              body: body as ResourceChanges,
            }),
          )
        : call(api.POST('/api/resources', { body: body as NewResource })),
    onSuccess: (resource) => {
      queryClient.setQueryData(['resources', 'one', resource.id], resource);
      void queryClient.invalidateQueries({ queryKey: ['resources', 'mine'] });
    },
  });
}

/**
 * The API's verdict on a rule document and its wording, asked again whenever the document
 * changes (the caller debounces); the previous answer stays shown while the next one loads.
 */
export function useEligibilityCheck(eligibility: Record<string, unknown> | null) {
  return useQuery({
    queryKey: ['eligibility-check', eligibility],
    queryFn: () => call(api.POST('/api/resources/eligibility/check', { body: { eligibility } })),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
