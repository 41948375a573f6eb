import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Visit = components['schemas']['VisitDto'];
export type DueVisit = components['schemas']['DueVisitDto'];
export type RecordVisit = components['schemas']['RecordVisitDto'];

export const visitKeys = {
  all: ['case-visits'] as const,
  ofCase: (caseId: string) => ['case-visits', 'case', caseId] as const,
  due: ['case-visits', 'due'] as const,
};

/** The case's visits, newest first; each note shown was recorded as read by the API. */
export function useCaseVisits(caseId: string) {
  return useQuery({
    queryKey: visitKeys.ofCase(caseId),
    queryFn: () => call(api.GET('/api/cases/{id}/visits', { params: { path: { id: caseId } } })),
  });
}

/** Visits due on the caller's own caseload, due first. */
export function useDueVisits() {
  return useQuery({
    queryKey: visitKeys.due,
    queryFn: () =>
      call(api.GET('/api/visits/due', { params: { query: { assignedTo: 'me', limit: 50 } } })),
  });
}

/** A visit recorded may complete a due one: both lists are refetched. */
function useVisitMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

export function useRecordVisit(caseId: string) {
  return useVisitMutation((body: RecordVisit) =>
    call(api.POST('/api/cases/{id}/visits', { params: { path: { id: caseId } }, body })),
  );
}

export function useCorrectVisitNote(caseId: string) {
  return useVisitMutation(
    ({ visitId, note, version }: { visitId: string; note: string; version: number }) =>
      call(
        api.PATCH('/api/cases/{id}/visits/{visitId}', {
          params: { path: { id: caseId, visitId } },
          body: { note, version },
        }),
      ),
  );
}
