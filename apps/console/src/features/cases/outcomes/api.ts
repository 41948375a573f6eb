import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type CaseOutcome = components['schemas']['CaseOutcomeDto'];

/** What changed at each of the case's household's reassessments, newest first. */
export function useCaseOutcomes(caseId: string) {
  return useQuery({
    queryKey: ['cases', caseId, 'outcomes'],
    queryFn: () => call(api.GET('/api/cases/{id}/outcomes', { params: { path: { id: caseId } } })),
  });
}
