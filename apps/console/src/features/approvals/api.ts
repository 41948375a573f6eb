import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type BulkApproval = components['schemas']['BulkApprovalDto'];
export type ApprovalResult = components['schemas']['ApprovalItemResultDto'];
export type Consent = components['schemas']['ConsentDto'];

export const approvalKeys = {
  all: ['approvals'] as const,
  queue: (filters: object) => ['approvals', 'queue', filters] as const,
  household: (id: string) => ['approvals', 'household', id] as const,
};

/** The queue (GET /api/matches): open proposals in the officer's area, the API's order. */
export function useApprovalQueue(filters: {
  sort?: 'deadline' | 'urgency' | 'age';
  tier?: string;
  householdId?: string;
}) {
  return useQuery({
    queryKey: approvalKeys.queue(filters),
    queryFn: () =>
      call(
        api.GET('/api/matches', {
          params: {
            query: {
              status: 'proposed',
              limit: 100,
              withTotal: true,
              sort: filters.sort,
              tier: filters.tier as components['schemas']['Tier'] | undefined,
              householdId: filters.householdId,
            },
          },
        }),
      ),
  });
}

/** A household's open proposals grouped by need, best first. */
export function useHouseholdProposals(householdId: string) {
  return useQuery({
    queryKey: approvalKeys.household(householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/proposals', { params: { path: { id: householdId } } })),
  });
}

/** The resource behind a proposal: its value per unit (shown in yuan). */
export function useResource(id: string) {
  return useQuery({
    queryKey: ['resources', 'one', id],
    queryFn: () => call(api.GET('/api/resources/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
  });
}

/** The "due soon" window the API uses (hours), for the badges and ?due=soon. */
export function useDueSoonHours(): number {
  const summary = useQuery({
    queryKey: ['work-summary'],
    queryFn: () => call(api.GET('/api/work/summary')),
  });
  return summary.data?.dueSoonHours ?? 24;
}

function useInvalidateQueue() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
    void queryClient.invalidateQueries({ queryKey: ['referrals'] });
  };
}

export function useApproveMany(householdId: string) {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: (body: BulkApproval) =>
      call(
        api.POST('/api/households/{id}/approvals', { params: { path: { id: householdId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useRejectProposal() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(api.POST('/api/matches/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}
