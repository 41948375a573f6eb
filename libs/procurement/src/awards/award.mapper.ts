import { iso } from '../iso.util';
import type { AwardEntity } from './award.entity';
import type { AwardDto } from './dto/award.dto';

export function toAwardDto(a: AwardEntity): AwardDto {
  return {
    id: a.id,
    projectId: a.projectId,
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
