import { DomainError } from '@onedoor/platform';
import {
  type Criterion,
  type DimensionWeights,
  EVALUATION_DIMENSIONS,
  type MilestonePlanItem,
  REQUIRED_CRITERIA,
} from '../procurement.types';

/**
 * The evaluation criteria a project may be published with: the required ones present, each
 * code once, integer weights summing to exactly 100. The error names the sum so the officer
 * sees by how much they are off.
 */
export function assertCriteriaValid(criteria: Criterion[]): void {
  const codes = criteria.map((c) => c.code);
  const duplicates = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  const missing = REQUIRED_CRITERIA.filter((c) => !codes.includes(c));
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  const problems = [
    missing.length ? `missing required criteria ${missing.join(', ')}` : '',
    duplicates.length ? `criteria listed twice: ${duplicates.join(', ')}` : '',
    sum !== 100 ? `weights sum to ${sum}, not 100` : '',
  ].filter(Boolean);
  if (problems.length) {
    throw new DomainError('CRITERIA_INVALID', `Evaluation criteria: ${problems.join('; ')}`, {
      sum,
      missing,
      duplicates,
    });
  }
}

/**
 * A payment plan: shares summing to 100, due dates inside the service period. Without one,
 * the whole value is paid on a single milestone due at the end of the service.
 */
export function milestonePlan(
  plan: MilestonePlanItem[] | undefined,
  period: { serviceStart: string; serviceEnd: string },
): MilestonePlanItem[] {
  if (!plan || plan.length === 0) {
    return [
      { deliverable: '服务完成并通过终期评估', dueDate: period.serviceEnd, sharePercent: 100 },
    ];
  }
  const sum = plan.reduce((s, m) => s + m.sharePercent, 0);
  const outside = plan.filter(
    (m) => m.dueDate < period.serviceStart || m.dueDate > period.serviceEnd,
  );
  if (sum !== 100 || outside.length) {
    throw new DomainError(
      'MILESTONES_INVALID',
      [
        sum !== 100 ? `milestone shares sum to ${sum}, not 100` : '',
        outside.length ? `${outside.length} milestones fall outside the service period` : '',
      ]
        .filter(Boolean)
        .join('; '),
      { sum },
    );
  }
  return [...plan]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((m) => ({ deliverable: m.deliverable, dueDate: m.dueDate, sharePercent: m.sharePercent }));
}

export function assertDimensionWeightsValid(weights: DimensionWeights): void {
  const sum = EVALUATION_DIMENSIONS.reduce((s, d) => s + weights[d], 0);
  if (sum !== 100) {
    throw new DomainError(
      'EVALUATION_WEIGHTS_INVALID',
      `Evaluation dimension weights sum to ${sum}, not 100`,
      { sum },
    );
  }
}
