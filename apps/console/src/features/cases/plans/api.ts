import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call, downloadFile } from '@/lib/api';
import { ApiError } from '@/lib/api-error';

export type Plan = components['schemas']['PlanDto'];
export type PlanGoal = components['schemas']['PlanGoalDto'];
export type PlanAction = components['schemas']['PlanActionDto'];
export type PlanVersion = components['schemas']['PlanVersionDto'];
export type SavePlan = components['schemas']['SavePlanDto'];
export type AgreePlan = components['schemas']['AgreePlanDto'];
export type PlanFile = components['schemas']['PlanFileDto'];

export const planKeys = {
  all: (caseId: string) => ['case-plan', caseId] as const,
  current: (caseId: string) => ['case-plan', caseId, 'current'] as const,
  version: (caseId: string, version: number) => ['case-plan', caseId, 'v', version] as const,
  versions: (caseId: string) => ['case-plan', caseId, 'versions'] as const,
};

/** The current plan; null while the case has none (the API's 404 CASE_PLAN_NOT_FOUND). */
export function usePlan(caseId: string) {
  return useQuery({
    queryKey: planKeys.current(caseId),
    queryFn: async () => {
      try {
        return await call(api.GET('/api/cases/{id}/plan', { params: { path: { id: caseId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.body?.code === 'CASE_PLAN_NOT_FOUND') return null;
        throw e;
      }
    },
  });
}

export function usePlanVersion(caseId: string, version: number | null) {
  return useQuery({
    queryKey: planKeys.version(caseId, version ?? 0),
    queryFn: () =>
      call(
        api.GET('/api/cases/{id}/plan', {
          params: { path: { id: caseId }, query: { version: version! } },
        }),
      ),
    enabled: version !== null,
  });
}

export function usePlanVersions(caseId: string) {
  return useQuery({
    queryKey: planKeys.versions(caseId),
    queryFn: () => call(api.GET('/api/cases/{id}/plans', { params: { path: { id: caseId } } })),
  });
}

function usePlanMutation<V>(caseId: string, fn: (v: V) => Promise<Plan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.all(caseId) }),
  });
}

export function useGeneratePlan(caseId: string) {
  return usePlanMutation(caseId, () =>
    call(api.POST('/api/cases/{id}/plan/generate', { params: { path: { id: caseId } } })),
  );
}

export function useSavePlan(caseId: string) {
  return usePlanMutation(caseId, (body: SavePlan) =>
    call(api.PUT('/api/cases/{id}/plan', { params: { path: { id: caseId } }, body })),
  );
}

export function useAgreePlan(caseId: string) {
  return usePlanMutation(caseId, (body: AgreePlan) =>
    call(api.POST('/api/cases/{id}/plan/agree', { params: { path: { id: caseId } }, body })),
  );
}

export function downloadPlanFile(caseId: string, file: PlanFile): Promise<void> {
  return downloadFile(
    api.GET('/api/cases/{id}/plan/files/{fileId}', {
      params: { path: { id: caseId, fileId: file.id } },
      parseAs: 'blob',
    }),
    file.name,
  );
}
