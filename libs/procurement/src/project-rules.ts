import { DomainError } from '@onedoor/platform';
import { type Criterion, REQUIRED_CRITERIA } from './procurement.types';

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
