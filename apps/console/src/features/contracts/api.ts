import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call, downloadFile } from '@/lib/api';
import { uploadMilestoneFile } from '@/lib/upload';

export type Contract = components['schemas']['ContractDto'];
export type ContractDetail = components['schemas']['ContractDetailDto'];
export type Milestone = components['schemas']['MilestoneDto'];
export type Payment = components['schemas']['PaymentDto'];
export type Evaluation = components['schemas']['EvaluationDto'];
export type MilestoneOutcome = components['schemas']['MilestoneOutcomeDto'];
export type OpenEvaluation = components['schemas']['OpenEvaluationDto'];
export type EvidenceFile = components['schemas']['FileDto'];

export const contractKeys = {
  all: ['contracts'] as const,
  list: (page: number, limit: number) => ['contracts', 'list', page, limit] as const,
  one: (id: string) => ['contracts', 'one', id] as const,
  files: (id: string, milestoneId: string) => ['contracts', 'files', id, milestoneId] as const,
  candidates: ['contracts', 'evaluator-candidates'] as const,
};

/** The caller's contracts: staff their area's, an organization its own (the API decides). */
export function useContracts(page: number, limit: number) {
  return useQuery({
    queryKey: contractKeys.list(page, limit),
    queryFn: () => call(api.GET('/api/contracts', { params: { query: { page, limit } } })),
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: contractKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/contracts/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Every step answers the whole contract (or the evaluation): refetch the contract's keys. */
function useContractMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

export function useDecideMilestone(contractId: string) {
  return useContractMutation(
    ({ milestoneId, body }: { milestoneId: string; body: MilestoneOutcome }) =>
      call(
        api.POST('/api/contracts/{id}/milestones/{milestoneId}/outcome', {
          params: { path: { id: contractId, milestoneId } },
          body,
        }),
      ),
  );
}

export function useMilestoneFiles(contractId: string, milestoneId: string) {
  return useQuery({
    queryKey: contractKeys.files(contractId, milestoneId),
    queryFn: () =>
      call(
        api.GET('/api/contracts/{id}/milestones/{milestoneId}/files', {
          params: { path: { id: contractId, milestoneId } },
        }),
      ),
  });
}

export function useUploadEvidence(contractId: string) {
  return useContractMutation(({ milestoneId, file }: { milestoneId: string; file: File }) =>
    uploadMilestoneFile(contractId, milestoneId, file),
  );
}

/** Fetches an evidence file with the caller's token and saves it under its own name. */
export function downloadEvidence(
  contractId: string,
  milestoneId: string,
  file: EvidenceFile,
): Promise<void> {
  return downloadFile(
    api.GET('/api/contracts/{id}/milestones/{milestoneId}/files/{fileId}', {
      params: { path: { id: contractId, milestoneId, fileId: file.id } },
      parseAs: 'blob',
    }),
    file.name,
  );
}

export function useOpenEvaluation(contractId: string) {
  return useContractMutation((body: OpenEvaluation) =>
    call(
      api.POST('/api/contracts/{id}/evaluations', { params: { path: { id: contractId } }, body }),
    ),
  );
}

export function useCompleteEvaluation() {
  return useContractMutation((evaluationId: string) =>
    call(api.POST('/api/evaluations/{id}/complete', { params: { path: { id: evaluationId } } })),
  );
}

export function useComment() {
  return useContractMutation(
    ({ evaluationId, comment }: { evaluationId: string; comment: string }) =>
      call(
        api.POST('/api/evaluations/{id}/comment', {
          params: { path: { id: evaluationId } },
          body: { comment },
        }),
      ),
  );
}

export function useCompleteContract(contractId: string) {
  return useContractMutation(() =>
    call(api.POST('/api/contracts/{id}/complete', { params: { path: { id: contractId } } })),
  );
}

export function useTerminateContract(contractId: string) {
  return useContractMutation((reason: string) =>
    call(
      api.POST('/api/contracts/{id}/terminate', {
        params: { path: { id: contractId } },
        body: { reason },
      }),
    ),
  );
}

export type Candidate = components['schemas']['UserDto'];

/**
 * Who may evaluate: the evaluator accounts and the civil-affairs staff the caller manages
 * (staff may sit as government evaluators). The API checks the panel again when it opens.
 */
export function useEvaluatorCandidates(enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.candidates,
    enabled,
    queryFn: async () => {
      const [evaluators, staff] = await Promise.all(
        (['evaluator', 'civil_affairs'] as const).map((role) =>
          call(api.GET('/api/users', { params: { query: { role, active: true, limit: 100 } } })),
        ),
      );
      return [...evaluators.items, ...staff.items];
    },
  });
}
