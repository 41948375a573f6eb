import type { ProjectDto } from './dto/project.dto';
import type { ServiceProjectEntity } from './project.entity';
import { iso } from '../iso.util';

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
