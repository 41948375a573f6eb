import type { AwardEntity } from './award.entity';
import type { BidListDto, BidDto } from './dto/bid.dto';
import type { AwardDto, ProjectDto } from './dto/project.dto';
import { precheck } from './evaluation/qualification';
import type { ServiceProjectEntity } from './project.entity';
import type { BidRow } from './procurement.repository';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toProjectDto(p: ServiceProjectEntity, bidCount: number): ProjectDto {
  return {
    id: p.id,
    title: p.title,
    categoryCode: p.categoryCode,
    areaId: p.areaId,
    budgetFen: Number(p.budgetFen),
    targetHouseholds: p.targetHouseholds,
    serviceStart: p.serviceStart,
    serviceEnd: p.serviceEnd,
    description: p.description,
    requirements: p.requirements,
    criteria: p.criteria,
    milestones: p.milestones,
    evaluationWeights: p.evaluationWeights,
    status: p.status,
    publishedAt: iso(p.publishedAt),
    closesAt: iso(p.closesAt),
    closedAt: iso(p.closedAt),
    endReason: p.endReason,
    bidCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toBidDto(b: BidRow, project: ServiceProjectEntity): BidDto {
  return {
    id: b.id,
    projectId: b.projectId,
    providerId: b.providerId,
    providerName: b.providerName,
    status: b.status,
    priceFen: Number(b.priceFen),
    proposal: b.proposal,
    team: b.team,
    attachments: b.attachments,
    replacesId: b.replacesId,
    qualification: b.qualification,
    qualificationReasons: b.qualificationReasons,
    precheck: precheck(project.requirements, b.team, b.providerVerified),
    priceJustification: b.priceJustification,
    submittedAt: b.createdAt.toISOString(),
    version: b.version,
  };
}

export function toBidList(
  sealed: boolean,
  count: number,
  bids: BidRow[],
  project: ServiceProjectEntity,
): BidListDto {
  return { sealed, count, bids: bids.map((b) => toBidDto(b, project)) };
}

export function toAwardDto(a: AwardEntity): AwardDto {
  return {
    id: a.id,
    bidId: a.bidId,
    providerId: a.providerId,
    status: a.status,
    rank: a.rank,
    totalScore: Number(a.totalScore),
    valueFen: Number(a.valueFen),
    justification: a.justification,
    deviationReason: a.deviationReason,
    respondBy: a.respondBy.toISOString(),
    respondedAt: iso(a.respondedAt),
    declineReason: a.declineReason,
    createdAt: a.createdAt.toISOString(),
  };
}
