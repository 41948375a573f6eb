import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type LookupRequest = components['schemas']['CreateAssistanceLookupDto'];
export type LookupAnswer = components['schemas']['AssistanceLookupAnswerDto'];
export type LookupRecord = components['schemas']['AssistanceLookupDto'];
export type HouseholdRead = components['schemas']['HouseholdReadDto'];

export const lookupKeys = {
  ofHousehold: (id: string) => ['households', id, 'lookups'] as const,
  readsOf: (id: string) => ['households', id, 'reads'] as const,
};

export const askLookup = (body: LookupRequest) =>
  call(api.POST('/api/assistance-lookups', { body }));

/** The latest lookups about a household (its area's staff only). */
export function useHouseholdLookups(householdId: string) {
  return useQuery({
    queryKey: lookupKeys.ofHousehold(householdId),
    queryFn: () =>
      call(
        api.GET('/api/households/{id}/lookups', {
          params: { path: { id: householdId }, query: { limit: 10 } },
        }),
      ),
    retry: false,
  });
}

/** The latest reads of a household's record (its area's staff only). */
export function useHouseholdReads(householdId: string) {
  return useQuery({
    queryKey: lookupKeys.readsOf(householdId),
    queryFn: () =>
      call(
        api.GET('/api/households/{id}/reads', {
          params: { path: { id: householdId }, query: { limit: 10 } },
        }),
      ),
    retry: false,
  });
}
