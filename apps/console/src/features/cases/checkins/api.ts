import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type CheckIn = components['schemas']['CheckInDto'];
export type NewCheckIn = components['schemas']['CreateCheckInDto'];
export type HouseholdMove = components['schemas']['HouseholdMoveDto'];

export const checkInKeys = {
  ofCase: (caseId: string) => ['cases', caseId, 'check-ins'] as const,
};

export function useCheckIns(caseId: string) {
  return useQuery({
    queryKey: checkInKeys.ofCase(caseId),
    queryFn: () => call(api.GET('/api/cases/{id}/check-ins', { params: { path: { id: caseId } } })),
  });
}

/** Communities in the user's area: where a household may move to. */
export function useCommunities(enabled: boolean) {
  return useQuery({
    queryKey: ['areas', 'community'],
    queryFn: () =>
      call(api.GET('/api/areas', { params: { query: { level: 'community', limit: 100 } } })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Assessors who may take the case in that community. */
export function useMoveAdvisers(householdId: string, communityId: string | undefined) {
  return useQuery({
    queryKey: ['households', householdId, 'move-advisers', communityId],
    queryFn: () =>
      call(
        api.GET('/api/households/{id}/move-advisers', {
          params: { path: { id: householdId }, query: { communityId: communityId! } },
        }),
      ),
    enabled: !!communityId,
  });
}
