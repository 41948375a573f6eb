import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Project = components['schemas']['ProjectDto'];
export type ProjectDetail = components['schemas']['ProjectDetailDto'];
export type Bid = components['schemas']['BidDto'];
export type Declaration = components['schemas']['DeclarationDto'];
export type DeclarationItem = components['schemas']['DeclarationItemDto'];
export type BidScores = components['schemas']['BidScoresDto'];
export type SubmitScores = components['schemas']['SubmitScoresDto'];

export const evaluationKeys = {
  all: ['evaluations'] as const,
  panels: ['evaluations', 'panels'] as const,
  project: (id: string) => ['evaluations', 'project', id] as const,
  bids: (id: string) => ['evaluations', 'bids', id] as const,
  declarations: (id: string) => ['evaluations', 'declarations', id] as const,
  scores: (bidId: string) => ['evaluations', 'scores', bidId] as const,
};

/** The projects whose panel the caller sits on (the API lists an evaluator's panels only). */
export function useMyPanels() {
  return useQuery({
    queryKey: evaluationKeys.panels,
    queryFn: () =>
      call(api.GET('/api/procurement/projects', { params: { query: { page: 1, limit: 100 } } })),
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.project(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useBids(projectId: string) {
  return useQuery({
    queryKey: evaluationKeys.bids(projectId),
    queryFn: () =>
      call(
        api.GET('/api/procurement/projects/{id}/bids', {
          params: { path: { id: projectId } },
        }),
      ),
  });
}

export function useDeclarations(projectId: string) {
  return useQuery({
    queryKey: evaluationKeys.declarations(projectId),
    queryFn: () =>
      call(
        api.GET('/api/procurement/projects/{id}/declarations', {
          params: { path: { id: projectId } },
        }),
      ),
  });
}

export function useDeclare(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (declarations: DeclarationItem[]) =>
      call(
        api.POST('/api/procurement/projects/{id}/declarations', {
          params: { path: { id: projectId } },
          body: { declarations },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}

export function useBidScores(bidId: string) {
  return useQuery({
    queryKey: evaluationKeys.scores(bidId),
    queryFn: () => call(api.GET('/api/bids/{id}/scores', { params: { path: { id: bidId } } })),
  });
}

export function useSubmitScores(bidId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitScores) =>
      call(api.POST('/api/bids/{id}/scores', { params: { path: { id: bidId } }, body })),
    // Refetch on a refusal too: a 409 means the scores were already in, so the form locks.
    onSettled: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.scores(bidId) }),
  });
}

export type AssignedEvaluation = components['schemas']['AssignedEvaluationDto'];
export type Evaluation = components['schemas']['EvaluationDto'];
export type EvaluationScores = components['schemas']['EvaluationScoresDto'];

/** The contract performance evaluations assigned to the caller. */
export function useAssignedEvaluations() {
  return useQuery({
    queryKey: [...evaluationKeys.all, 'assigned'],
    queryFn: () => call(api.GET('/api/evaluations', { params: { query: { assignedTo: 'me' } } })),
  });
}

export function useEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: [...evaluationKeys.all, 'contract', id ?? ''],
    queryFn: () => call(api.GET('/api/evaluations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useScoreEvaluation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationScores) =>
      call(api.POST('/api/evaluations/{id}/scores', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
