import { useQuery } from '@tanstack/react-query';
import type { components, paths } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Grant = components['schemas']['EmergencyGrantDto'];
export type GrantFund = components['schemas']['GrantFundDto'];
export type GrantRequest = components['schemas']['RequestGrantDto'];
export type GrantQuery = NonNullable<paths['/api/emergency-grants']['get']['parameters']['query']>;

export const grantKeys = {
  all: ['relief-grants'] as const,
  list: (query: GrantQuery) => ['relief-grants', 'list', query] as const,
  one: (id: string) => ['relief-grants', 'one', id] as const,
  funds: (householdId: string) => ['relief-grants', 'funds', householdId] as const,
};

/** The grants of the caller's area, requested ones first by deadline. */
export function useGrants(query: GrantQuery) {
  return useQuery({
    queryKey: grantKeys.list(query),
    queryFn: () => call(api.GET('/api/emergency-grants', { params: { query } })),
  });
}

/** One grant with its fund's balance, the caller's limit and whether they may approve it. */
export function useGrant(id: string) {
  return useQuery({
    queryKey: grantKeys.one(id),
    queryFn: () => call(api.GET('/api/emergency-grants/{id}', { params: { path: { id } } })),
  });
}

/** The active funds that may pay for the household (its area's and above). */
export function useGrantFunds(householdId: string) {
  return useQuery({
    queryKey: grantKeys.funds(householdId),
    queryFn: () =>
      call(api.GET('/api/emergency-grants/funds', { params: { query: { householdId } } })),
    enabled: !!householdId,
  });
}

export const requestGrant = (body: GrantRequest) =>
  call(api.POST('/api/emergency-grants', { body }));

export const approveGrant = (id: string, body: { amountFen?: number; note?: string }) =>
  call(api.POST('/api/emergency-grants/{id}/approve', { params: { path: { id } }, body }));

export const rejectGrant = (id: string, reason: string) =>
  call(
    api.POST('/api/emergency-grants/{id}/reject', { params: { path: { id } }, body: { reason } }),
  );

export const payGrant = (id: string, paymentNote: string) =>
  call(
    api.POST('/api/emergency-grants/{id}/pay', { params: { path: { id } }, body: { paymentNote } }),
  );

/** Cancels an approved, unpaid grant: the fund is credited back what its approval debited. */
export const cancelGrant = (id: string, reason: string) =>
  call(
    api.POST('/api/emergency-grants/{id}/cancel', { params: { path: { id } }, body: { reason } }),
  );
