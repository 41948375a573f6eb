import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type SupervisionItem = components['schemas']['SupervisionDto'];
export type CreateSupervision = components['schemas']['CreateSupervisionDto'];

export const supervisionKeys = {
  thread: (caseId: string) => ['cases', caseId, 'supervision'] as const,
};

/** The case's thread and what the caller may do on it (the API decides). */
export function useSupervision(caseId: string) {
  return useQuery({
    queryKey: supervisionKeys.thread(caseId),
    queryFn: () =>
      call(api.GET('/api/cases/{id}/supervision', { params: { path: { id: caseId } } })),
  });
}

/** A change to the thread; the thread and the case's timeline are read again after it. */
function useThreadChange<V>(caseId: string, send: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cases', caseId] }),
  });
}

export function usePostSupervision(caseId: string) {
  return useThreadChange(caseId, (body: CreateSupervision) =>
    call(api.POST('/api/cases/{id}/supervision', { params: { path: { id: caseId } }, body })),
  );
}

export function useAnswerSupervision(caseId: string) {
  return useThreadChange(caseId, (v: { item: SupervisionItem; text: string }) =>
    call(
      api.POST('/api/cases/{id}/supervision/{sid}/answer', {
        params: { path: { id: caseId, sid: v.item.id } },
        body: { version: v.item.version, text: v.text },
      }),
    ),
  );
}

export function useResolveSupervision(caseId: string) {
  return useThreadChange(caseId, (item: SupervisionItem) =>
    call(
      api.POST('/api/cases/{id}/supervision/{sid}/resolve', {
        params: { path: { id: caseId, sid: item.id } },
        body: { version: item.version },
      }),
    ),
  );
}
