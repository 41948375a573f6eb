import { tierReasonCodeOf } from '../tier/tier.util';
import type { AssessmentEntity } from '../assessment.entity';
import type { AssessmentDto } from '../dto/assessment.dto';
import { toNeedDto } from '../household.mapper';
import type { NeedEntity } from '../need.entity';

export function toAssessmentDto(a: AssessmentEntity, needs: NeedEntity[]): AssessmentDto {
  return {
    id: a.id,
    householdId: a.householdId,
    templateId: a.templateId,
    templateVersion: a.template!.version,
    status: a.status,
    answers: a.answers,
    dimensionScores: a.dimensionScores,
    totalScore: a.totalScore === null ? null : Number(a.totalScore),
    tier: a.tier,
    circle: a.circle,
    tierReason: a.tierReason,
    tierReasonCode: tierReasonCodeOf(a.tierReason),
    completedAt: a.completedAt ? a.completedAt.toISOString() : null,
    needs: needs.map(toNeedDto),
    version: a.version,
  };
}
