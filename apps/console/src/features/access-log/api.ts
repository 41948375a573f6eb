import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type AccessLogQuery = NonNullable<
  operations['HouseholdReadsController_list']['parameters']['query']
>;

export function useAccessLog(query: AccessLogQuery) {
  return useQuery({
    queryKey: ['access-log', query],
    queryFn: () => call(api.GET('/api/access-log', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
