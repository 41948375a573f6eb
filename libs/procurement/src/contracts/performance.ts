import { round2 } from '../evaluation/ranking';
import { type DimensionWeights, EVALUATION_DIMENSIONS } from '../procurement.types';
import type { Grade, MilestoneOutcome } from './contract.entities';

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

/** What a milestone's outcome makes payable: all of it, pro rata, or nothing. */
export function payableFen(
  outcome: MilestoneOutcome,
  amountFen: number,
  deliveredPercent: number | null,
): number {
  if (outcome === 'met') return amountFen;
  if (outcome === 'partially_met') return Math.round((amountFen * (deliveredPercent ?? 0)) / 100);
  return 0;
}

/** Each milestone's amount: share × value, the last one taking the rounding remainder. */
export function milestoneAmounts(valueFen: number, shares: number[]): number[] {
  const amounts = shares.map((s) => Math.floor((valueFen * s) / 100));
  amounts[amounts.length - 1] += valueFen - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}
