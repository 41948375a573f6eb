import { iso } from '../iso.util';
import type { Grade } from '../performance/performance.entities';
import type { ContractEntity, ContractMilestoneEntity } from './contract.entities';
import type { ContractDto, MilestoneDto } from './dto/contract.dto';

/** What a contract's reader sees beside the row: from its organization and milestones. */
export interface ContractExtras {
  latestGrade: Grade | null;
  providerName: string;
  nextMilestoneDue: string | null;
}

export function toContractDto(c: ContractEntity, extras: ContractExtras): ContractDto {
  return {
    id: c.id,
    projectId: c.projectId,
    awardId: c.awardId,
    providerId: c.providerId,
    providerName: extras.providerName,
    resourceId: c.resourceId,
    title: c.title,
    valueFen: Number(c.valueFen),
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    status: c.status,
    signedAt: c.signedAt.toISOString(),
    endedAt: iso(c.endedAt),
    terminationReason: c.terminationReason,
    latestGrade: extras.latestGrade,
    nextMilestoneDue: extras.nextMilestoneDue,
  };
}

export function toMilestoneDto(m: ContractMilestoneEntity): MilestoneDto {
  return {
    id: m.id,
    seq: m.seq,
    deliverable: m.deliverable,
    dueDate: m.dueDate,
    sharePercent: m.sharePercent,
    amountFen: Number(m.amountFen),
    outcome: m.outcome,
    deliveredPercent: m.deliveredPercent,
    evidence: m.evidence,
    decidedAt: iso(m.decidedAt),
    payableFen: m.payableFen === null ? null : Number(m.payableFen),
    paymentStatus: m.paymentStatus,
  };
}
