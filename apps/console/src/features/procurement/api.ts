import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Project = components['schemas']['ProjectDto'];
export type ProjectDetail = components['schemas']['ProjectDetailDto'];
export type CreateProject = components['schemas']['CreateProjectDto'];
export type Bid = components['schemas']['BidDto'];
export type Declaration = components['schemas']['DeclarationDto'];
export type Ranking = components['schemas']['RankingDto'];
export type RankingEntry = components['schemas']['RankingEntryDto'];
export type RankingCriterion = components['schemas']['RankingCriterionDto'];
export type ProjectStatus = Project['status'];

export const procurementKeys = {
  all: ['procurement'] as const,
  list: (status?: string) => ['procurement', 'list', status ?? 'all'] as const,
  one: (id: string) => ['procurement', 'one', id] as const,
};

/** The area's projects (the API scopes staff to their area); the page filters by title. */
export function useProjects(status?: ProjectStatus) {
  return useQuery({
    queryKey: procurementKeys.list(status),
    queryFn: () =>
      call(
        api.GET('/api/procurement/projects', {
          params: { query: { page: 1, limit: 100, ...(status ? { status } : {}) } },
        }),
      ),
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: procurementKeys.one(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useBids(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...procurementKeys.one(id), 'bids'],
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}/bids', { params: { path: { id } } })),
    enabled,
  });
}

export function useDeclarations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...procurementKeys.one(id), 'declarations'],
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}/declarations', { params: { path: { id } } })),
    enabled,
  });
}

export function useRanking(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...procurementKeys.one(id), 'ranking'],
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}/ranking', { params: { path: { id } } })),
    enabled,
  });
}

/** The evaluator accounts staff may put on a panel. */
export function useEvaluators() {
  return useQuery({
    queryKey: [...procurementKeys.all, 'evaluators'],
    queryFn: () =>
      call(
        api.GET('/api/users', {
          params: { query: { role: 'evaluator', active: true, page: 1, limit: 100 } },
        }),
      ),
  });
}

/** Every mutation of a project refreshes all of its queries (status, bids, ranking). */
function useProjectMutation<T>(fn: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: procurementKeys.all }),
  });
}

export function useSaveDraft(id: string | undefined) {
  return useProjectMutation((body: CreateProject) =>
    id
      ? call(api.PATCH('/api/procurement/projects/{id}', { params: { path: { id } }, body }))
      : call(api.POST('/api/procurement/projects', { body })),
  );
}

export function usePublish() {
  return useProjectMutation(({ id, closesAt }: { id: string; closesAt: string }) =>
    call(
      api.POST('/api/procurement/projects/{id}/publish', {
        params: { path: { id } },
        body: { closesAt },
      }),
    ),
  );
}

export type Transition = 'close-bidding' | 'start-evaluation';

export function useTransition(id: string) {
  return useProjectMutation((to: Transition) =>
    to === 'close-bidding'
      ? call(api.POST('/api/procurement/projects/{id}/close-bidding', { params: { path: { id } } }))
      : call(
          api.POST('/api/procurement/projects/{id}/start-evaluation', { params: { path: { id } } }),
        ),
  );
}

export function useCancel(id: string) {
  return useProjectMutation((reason: string) =>
    call(
      api.POST('/api/procurement/projects/{id}/cancel', {
        params: { path: { id } },
        body: { reason },
      }),
    ),
  );
}

export function useSetPanel(id: string) {
  return useProjectMutation((evaluatorIds: string[]) =>
    call(
      api.PUT('/api/procurement/projects/{id}/panel', {
        params: { path: { id } },
        body: { evaluatorIds },
      }),
    ),
  );
}

export function useQualify() {
  return useProjectMutation(
    ({ bidId, qualify, reasons }: { bidId: string; qualify: boolean; reasons: string[] }) =>
      qualify
        ? call(
            api.POST('/api/bids/{id}/qualify', {
              params: { path: { id: bidId } },
              body: reasons.length ? { reasons } : {},
            }),
          )
        : call(
            api.POST('/api/bids/{id}/disqualify', {
              params: { path: { id: bidId } },
              body: { reasons },
            }),
          ),
  );
}

export function useModerate() {
  return useProjectMutation(
    ({ bidId, ...body }: { bidId: string; criterion: string; comment: string; score?: number }) =>
      call(api.POST('/api/bids/{id}/moderations', { params: { path: { id: bidId } }, body })),
  );
}

export function usePriceJustification() {
  return useProjectMutation(({ bidId, note }: { bidId: string; note: string }) =>
    call(
      api.POST('/api/bids/{id}/price-justification', {
        params: { path: { id: bidId } },
        body: { note },
      }),
    ),
  );
}

export function useAward(id: string) {
  return useProjectMutation(
    (body: { bidId: string; justification: string; deviationReason?: string }) =>
      call(api.POST('/api/procurement/projects/{id}/award', { params: { path: { id } }, body })),
  );
}

export function useLapse() {
  return useProjectMutation((awardId: string) =>
    call(api.POST('/api/procurement/awards/{id}/lapse', { params: { path: { id: awardId } } })),
  );
}
