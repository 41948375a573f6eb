import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Case = components['schemas']['CaseDto'];
export type CaseStatus = components['schemas']['CaseStatus'];
export type CaseCloseReason = components['schemas']['CaseCloseReason'];
export type TimelineEntry = components['schemas']['TimelineEntryDto'];
export type AdviserCandidate = components['schemas']['AdviserCandidateDto'];

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: object) => ['cases', 'list', filters] as const,
  one: (id: string) => ['cases', id] as const,
  ofHousehold: (householdId: string) => ['cases', 'household', householdId] as const,
  timeline: (id: string, page: number) => ['cases', id, 'timeline', page] as const,
  candidates: (id: string) => ['cases', id, 'adviser-candidates'] as const,
};

export interface CaseFilters {
  mine: boolean;
  status?: CaseStatus;
  page: number;
}

export function useCaseload({ mine, status, page }: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list({ mine, status, page }),
    queryFn: () =>
      call(
        api.GET('/api/cases', {
          params: { query: { assignedTo: mine ? 'me' : undefined, status, page, limit: 20 } },
        }),
      ),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => call(api.GET('/api/cases/{id}', { params: { path: { id } } })),
  });
}

/** The household's open case, else its latest (the household page links to it). */
export function useHouseholdCase(householdId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.ofHousehold(householdId),
    enabled,
    queryFn: () =>
      call(api.GET('/api/households/{id}/case', { params: { path: { id: householdId } } })),
  });
}

export function useTimeline(id: string, page: number) {
  return useQuery({
    queryKey: caseKeys.timeline(id, page),
    queryFn: () =>
      call(
        api.GET('/api/cases/{id}/timeline', {
          params: { path: { id }, query: { page, limit: 20 } },
        }),
      ),
  });
}

export function useAdviserCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.candidates(id),
    enabled,
    queryFn: () =>
      call(api.GET('/api/cases/{id}/adviser-candidates', { params: { path: { id } } })),
  });
}

/** A change to the case: the answer replaces the cached case and lists are read again. */
function useCaseChange<Body>(
  id: string,
  send: (body: Body) => Promise<Case>,
): ReturnType<typeof useMutation<Case, unknown, Body>> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      client.setQueryData(caseKeys.one(id), updated);
      void client.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

export const useHandover = (id: string) =>
  useCaseChange(id, (body: components['schemas']['HandoverCaseDto']) =>
    call(api.POST('/api/cases/{id}/handover', { params: { path: { id } }, body })),
  );

export const useCloseCase = (id: string) =>
  useCaseChange(id, (body: components['schemas']['CloseCaseDto']) =>
    call(api.POST('/api/cases/{id}/close', { params: { path: { id } }, body })),
  );

export const useReopenCase = (id: string) =>
  useCaseChange(id, (body: components['schemas']['ReopenCaseDto']) =>
    call(api.POST('/api/cases/{id}/reopen', { params: { path: { id } }, body })),
  );
