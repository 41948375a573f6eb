import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';
import { type InboxTab, tabQuery } from './tabs';

export type InboxReferral = components['schemas']['ReferralDto'];
export type InboxReferralDetail = components['schemas']['ReferralDetailDto'];
export type DeclineReason = components['schemas']['DeclineReason'];
export type DeliverBody = components['schemas']['DeliverReferralDto'];

/** The provider's referrals for one inbox tab (the API lists only those addressed to it). */
export function useInbox(tab: InboxTab, page: number, soonHours: number) {
  return useQuery({
    queryKey: ['referrals', 'inbox', tab, page, soonHours],
    queryFn: () =>
      call(
        api.GET('/api/referrals', {
          params: { query: { page, limit: 20, ...tabQuery(tab, soonHours) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInboxReferral(id: string) {
  return useQuery({
    queryKey: ['referrals', 'one', id],
    queryFn: () => call(api.GET('/api/referrals/{id}', { params: { path: { id } } })),
  });
}

export type ReferralAction =
  | { action: 'accept' }
  | { action: 'decline'; reason: DeclineReason; note?: string }
  | { action: 'deliver'; body: DeliverBody };

/** Accept, decline or deliver: each answers the referral as it now is. */
export function useReferralAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: ReferralAction) => {
      const params = { path: { id } };
      if (a.action === 'accept') return call(api.POST('/api/referrals/{id}/accept', { params }));
      if (a.action === 'decline')
        return call(
          api.POST('/api/referrals/{id}/decline', {
            params,
            body: { reason: a.reason, note: a.note || undefined },
          }),
        );
      return call(api.POST('/api/referrals/{id}/deliver', { params, body: a.body }));
    },
    onSuccess: (referral) => {
      queryClient.setQueryData(['referrals', 'one', id], referral);
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
    },
  });
}
