import type { StoredFileEntity } from '@onedoor/platform';
import type { CasePlanEntity } from './case-plan.entity';
import type { PlanDto, PlanFileDto, PlanVersionDto } from './dto/plan.dto';
import type { ActionRow, GoalRow } from './plans.repository';

export const toPlanFileDto = (f: StoredFileEntity): PlanFileDto => ({
  id: f.id,
  name: f.originalName,
  contentType: f.contentType,
  size: Number(f.size),
  uploadedAt: f.createdAt.toISOString(),
});

export function toPlanVersionDto(p: CasePlanEntity, names: Map<string, string>): PlanVersionDto {
  return {
    id: p.id,
    caseId: p.caseId,
    version: p.version,
    status: p.status,
    revision: p.revision,
    agreedAt: p.agreedAt?.toISOString() ?? null,
    agreedByName: p.agreedByName,
    agreementMethod: p.agreementMethod,
    attestedBy: p.attestedBy,
    attestedByName: p.attestedBy ? (names.get(p.attestedBy) ?? null) : null,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toPlanDto(
  p: CasePlanEntity,
  goals: GoalRow[],
  actions: ActionRow[],
  names: Map<string, string>,
  file: StoredFileEntity | null,
): PlanDto {
  return {
    ...toPlanVersionDto(p, names),
    agreementFile: file ? toPlanFileDto(file) : null,
    goals: goals.map((g) => ({
      id: g.id,
      needId: g.needId,
      needStatus: g.needStatus,
      category: g.category,
      title: g.title,
      targetDate: g.targetDate,
      status: g.status,
      flagged: g.flagged,
      flagReason: g.flagReason,
      actions: actions
        .filter((a) => a.goalId === g.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          referralId: a.referralId,
          referralStatus: a.referralStatus,
          proposalId: a.proposalId,
          description: a.description,
          dueDate: a.dueDate,
          status: a.status,
        })),
    })),
  };
}
