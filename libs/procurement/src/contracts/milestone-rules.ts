import type { MilestoneOutcome } from './contract.entities';

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
