import { useQuery } from '@tanstack/react-query';
import type { components, paths } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type EmergencyIntake = components['schemas']['EmergencyIntakeDto'];
export type NewEmergencyIntake = components['schemas']['CreateEmergencyIntakeDto'];
export type FollowUp = components['schemas']['FollowUpDto'];
export type FollowUpQuery = NonNullable<
  paths['/api/relief-follow-ups']['get']['parameters']['query']
>;

export const reliefIntakeKeys = {
  all: ['relief-intake'] as const,
  followUps: (query: FollowUpQuery) => ['relief-intake', 'follow-ups', query] as const,
};

/** The active funds that may pay for a family of this community (its area's and above). */
export function useCommunityFunds(communityId: string | undefined) {
  return useQuery({
    queryKey: ['relief-grants', 'funds', 'community', communityId] as const,
    queryFn: () =>
      call(
        api.GET('/api/emergency-grants/funds', {
          params: { query: { communityId: communityId! } },
        }),
      ),
    enabled: !!communityId,
  });
}

export const registerIntake = (body: NewEmergencyIntake) =>
  call(api.POST('/api/emergency-intakes', { body }));

/** The follow-ups in scope, overdue first (the API's order). */
export function useFollowUps(query: FollowUpQuery) {
  return useQuery({
    queryKey: reliefIntakeKeys.followUps(query),
    queryFn: () => call(api.GET('/api/relief-follow-ups', { params: { query } })),
  });
}
