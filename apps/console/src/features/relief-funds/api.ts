import { useQuery } from '@tanstack/react-query';
import type { components, paths } from '@/api/generated/schema';
import { api, call, downloadFile } from '@/lib/api';

export type ReliefFund = components['schemas']['ReliefFundDto'];
export type FundMovement = components['schemas']['FundMovementDto'];
export type Donation = components['schemas']['DonationDto'];
export type NewFund = components['schemas']['CreateReliefFundDto'];
export type NewPledge = components['schemas']['PledgeDonationDto'];
export type FundQuery = NonNullable<paths['/api/relief-funds']['get']['parameters']['query']>;

export const fundKeys = {
  all: ['relief-funds'] as const,
  list: (query: FundQuery) => ['relief-funds', 'list', query] as const,
  one: (id: string) => ['relief-funds', 'one', id] as const,
  movements: (id: string, page: number) => ['relief-funds', 'movements', id, page] as const,
  donations: (id: string, page: number) => ['relief-funds', 'donations', id, page] as const,
};

export function useFunds(query: FundQuery) {
  return useQuery({
    queryKey: fundKeys.list(query),
    queryFn: () => call(api.GET('/api/relief-funds', { params: { query } })),
  });
}

export function useFund(id: string) {
  return useQuery({
    queryKey: fundKeys.one(id),
    queryFn: () => call(api.GET('/api/relief-funds/{id}', { params: { path: { id } } })),
  });
}

export function useMovements(id: string, page: number) {
  return useQuery({
    queryKey: fundKeys.movements(id, page),
    queryFn: () =>
      call(
        api.GET('/api/relief-funds/{id}/movements', {
          params: { path: { id }, query: { page, limit: 10 } },
        }),
      ),
  });
}

export function useDonations(id: string, page: number) {
  return useQuery({
    queryKey: fundKeys.donations(id, page),
    queryFn: () =>
      call(
        api.GET('/api/relief-funds/{id}/donations', {
          params: { path: { id }, query: { page, limit: 10 } },
        }),
      ),
  });
}

export const createFund = (body: NewFund) => call(api.POST('/api/relief-funds', { body }));

export const allocate = (id: string, amountFen: number, note?: string) =>
  call(
    api.POST('/api/relief-funds/{id}/allocations', {
      params: { path: { id } },
      body: { amountFen, ...(note ? { note } : {}) },
    }),
  );

export const closeFund = (id: string, version: number) =>
  call(
    api.PATCH('/api/relief-funds/{id}', {
      params: { path: { id } },
      body: { version, status: 'closed' },
    }),
  );

export const pledge = (fundId: string, body: NewPledge) =>
  call(api.POST('/api/relief-funds/{id}/donations', { params: { path: { id: fundId } }, body }));

export const receive = (id: string, receiptNumber?: string) =>
  call(
    api.POST('/api/donations/{id}/receive', {
      params: { path: { id } },
      body: receiptNumber ? { receiptNumber } : {},
    }),
  );

export const cancelDonation = (id: string, reason: string) =>
  call(api.POST('/api/donations/{id}/cancel', { params: { path: { id } }, body: { reason } }));

/** The period's statement as a workbook, saved under the name the API gives it. */
export const downloadStatement = (fund: ReliefFund, from: string, to: string) =>
  downloadFile(
    api.GET('/api/relief-funds/{id}/statement', {
      params: { path: { id: fund.id }, query: { from, to, format: 'xlsx' } },
      parseAs: 'blob',
    }),
    `${fund.name}收支报表_${from}_${to}.xlsx`,
  );
