import { fieldError, type FieldError } from '@onedoor/platform';
import type { StackingKind } from '../ledger.types';

/** What a rule is about: one category, or a pair of resources stored in order (a ≤ b). */
export type StackingRuleSubject =
  | { categoryCode: string; resourceAId: null; resourceBId: null }
  | { categoryCode: null; resourceAId: string; resourceBId: string };

/**
 * The rule's subject, or the fields that make it unusable: exactly one of a category or a pair.
 * The pair is ordered so that (x, y) and (y, x) are one row (the table's unique index).
 */
export function ruleSubject(dto: {
  categoryCode?: string | null;
  resourceIds?: string[] | null;
}): StackingRuleSubject | FieldError[] {
  const hasCategory = dto.categoryCode != null;
  const hasPair = dto.resourceIds != null;
  if (hasCategory === hasPair) {
    const message = 'give either categoryCode or resourceIds, not both or neither';
    return [
      fieldError('categoryCode', 'stackingRuleSubject', message),
      fieldError('resourceIds', 'stackingRuleSubject', message),
    ];
  }
  if (hasCategory) return { categoryCode: dto.categoryCode!, resourceAId: null, resourceBId: null };
  // ids compare as PostgreSQL compares uuids (the check a ≤ b): lower-case hex, byte by byte.
  const [a, b] = dto.resourceIds!.map((id) => id.toLowerCase()).sort();
  return { categoryCode: null, resourceAId: a, resourceBId: b };
}

/** A period goes with once_per_period and only with it. */
export function periodErrors(kind: StackingKind, periodMonths: number | null): FieldError[] {
  if (kind === 'once_per_period' && periodMonths === null)
    return [
      fieldError(
        'periodMonths',
        'stackingRulePeriodRequired',
        'once_per_period needs periodMonths',
      ),
    ];
  if (kind !== 'once_per_period' && periodMonths !== null)
    return [
      fieldError(
        'periodMonths',
        'stackingRulePeriodNotAllowed',
        `a ${kind} rule takes no periodMonths`,
      ),
    ];
  return [];
}
