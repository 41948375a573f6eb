import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Household = components['schemas']['HouseholdDto'];
export type HouseholdSummary = components['schemas']['HouseholdSummaryDto'];
export type NewHousehold = components['schemas']['CreateHouseholdDto'];
export type NeedMatches = components['schemas']['NeedMatchesDto'];
export type Proposal = components['schemas']['ProposalDto'];
export type Tier = components['schemas']['Tier'];
export type HouseholdStatus = components['schemas']['HouseholdStatus'];

export const householdKeys = {
  all: ['households'] as const,
  list: (filters: object) => ['households', 'list', filters] as const,
  one: (id: string) => ['households', id] as const,
  matches: (id: string) => ['households', id, 'matches'] as const,
  assessments: (id: string) => ['households', id, 'assessments'] as const,
  referrals: (id: string) => ['households', id, 'referrals'] as const,
  history: (id: string) => ['households', id, 'history'] as const,
};

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.one(id),
    queryFn: () => call(api.GET('/api/households/{id}', { params: { path: { id } } })),
  });
}

/** Communities the signed-in user may register households in (areas in scope). */
export function useCommunities() {
  return useQuery({
    queryKey: ['areas', 'community'],
    queryFn: () =>
      call(api.GET('/api/areas', { params: { query: { level: 'community', limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}
