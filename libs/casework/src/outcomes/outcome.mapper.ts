import { DIMENSIONS, type Dimension } from '@onedoor/households';
import type { CaseOutcomeDto, DimensionChangeDto } from './dto/case-outcome.dto';
import type { CaseOutcomeRow } from './outcomes.repository';

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** Differences of one-decimal scores, kept to one decimal (62.5 − 37.4 is 25.1, not 25.099…). */
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Each dimension either assessment scored, in the template's order, then any other. */
export function dimensionChanges(
  before: Record<string, number> | null,
  after: Record<string, number> | null,
): DimensionChangeDto[] {
  const codes = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const known = DIMENSIONS.filter((d) => codes.has(d));
  const others = [...codes].filter((c) => !(DIMENSIONS as readonly string[]).includes(c)).sort();
  return [...known, ...others].map((dimension) => {
    const b = before?.[dimension] ?? null;
    const a = after?.[dimension] ?? null;
    return {
      dimension: dimension as Dimension,
      before: b,
      after: a,
      change: a !== null && b !== null ? round1(a - b) : null,
    };
  });
}

export function toOutcomeDto(r: CaseOutcomeRow): CaseOutcomeDto {
  return {
    assessmentId: r.assessment_id,
    previousAssessmentId: r.previous_assessment_id,
    previousCompletedAt: new Date(r.previous_completed_at).toISOString(),
    completedAt: new Date(r.completed_at).toISOString(),
    totalBefore: num(r.total_before),
    totalAfter: num(r.total_after),
    totalChange: num(r.total_change),
    scoreImproved: r.score_improved === true,
    dimensions: dimensionChanges(r.dimension_scores_before, r.dimension_scores_after),
    tierBefore: r.tier_before,
    tierAfter: r.tier_after,
    circleBefore: r.circle_before,
    circleAfter: r.circle_after,
    tierImproved: r.tier_improved,
    needsFulfilled: r.needs_fulfilled,
    needsHelped: r.needs_helped,
    medianDaysToHelp: num(r.median_days_to_help),
    meanDaysToHelp: num(r.mean_days_to_help),
  };
}
