import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Referral = components['schemas']['ReferralDto'];
export type ReferralDetail = components['schemas']['ReferralDetailDto'];
export type ReferralStatus = components['schemas']['ReferralStatus'];

export interface ReferralFilters {
  page: number;
  status?: ReferralStatus;
  /** Hours: only those whose pending deadline is within them (or past). */
  dueWithin?: number;
  overdue?: boolean;
  /** Only those escalated to the reader's own area. */
  escalatedToMe?: boolean;
  sort?: 'deadline' | 'urgency' | 'age';
}

export function useReferrals(filters: ReferralFilters) {
  return useQuery({
    queryKey: ['referrals', 'list', filters],
    queryFn: () =>
      call(
        api.GET('/api/referrals', {
          params: {
            query: {
              page: filters.page,
              limit: 20,
              status: filters.status,
              dueWithin: filters.dueWithin,
              overdue: filters.overdue,
              escalatedToMe: filters.escalatedToMe,
              sort: filters.sort,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: ['referrals', 'one', id],
    queryFn: () => call(api.GET('/api/referrals/{id}', { params: { path: { id } } })),
  });
}
