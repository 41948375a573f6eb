import { round2 } from '../evaluation/ranking';
import { type DimensionWeights, EVALUATION_DIMENSIONS } from '../procurement.types';
import type { Grade } from './performance.entities';

/** excellent ≥ 90, good ≥ 80, pass ≥ 60, else fail. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

export const PASSING_GRADES: readonly Grade[] = ['excellent', 'good', 'pass'];

/**
 * An evaluation's score: each evaluator's dimension scores (each the share of that dimension's
 * possible points, 0–100) weighted into their total, and the final score the mean of those
 * totals — every evaluator counts the same, whatever their type.
 */
export function evaluationScore(
  weights: DimensionWeights,
  sheets: DimensionWeights[],
): { totals: number[]; dimensionMeans: DimensionWeights; finalScore: number; grade: Grade } {
  const totals = sheets.map((s) =>
    EVALUATION_DIMENSIONS.reduce((sum, d) => sum + (s[d] * weights[d]) / 100, 0),
  );
  const finalScore = round2(totals.reduce((a, b) => a + b, 0) / totals.length);
  const dimensionMeans = Object.fromEntries(
    EVALUATION_DIMENSIONS.map((d) => [
      d,
      round2(sheets.reduce((sum, s) => sum + s[d], 0) / sheets.length),
    ]),
  ) as DimensionWeights;
  return { totals: totals.map(round2), dimensionMeans, finalScore, grade: gradeOf(finalScore) };
}
