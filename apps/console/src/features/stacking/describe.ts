import type { components } from '../../api/generated/schema';
import { formatDate, formatYuan } from '../../lib/format';

export type StackingConflict = components['schemas']['StackingConflictDto'];
export type NeedGap = components['schemas']['NeedGapDto'];

/** i18next's `t` bound to the `stacking` namespace, and `useLabel()`'s function. */
type Translate = (key: string, options?: Record<string, unknown>) => string;
type Label = (group: string, code: string | null | undefined) => string;

/**
 * The why-not sentence of a stacking conflict: the rule and the benefit it is with, named by
 * its source ("已于2026-10-03起从和平区民政局获得临时救助（互斥）"). Relative imports: the unit
 * spec runs it under jest, which knows no '@/'.
 */
export function describeStackingConflict(
  conflict: StackingConflict,
  t: Translate,
  label: Label,
): string {
  const b = conflict.benefit;
  const benefit = b && {
    title: b.source === 'pending_referral' ? `${b.title}（${t('conflict.pending')}）` : b.title,
    grantedBy: b.grantedBy,
    since: formatDate(b.startsOn),
  };
  const kind = label('stackingKind', conflict.ruleKind ?? conflict.rule);
  switch (conflict.rule) {
    case 'exclusive':
      if (benefit) return t('conflict.exclusive', { ...benefit, kind });
      break;
    case 'once_per_period':
      if (benefit)
        return t('conflict.once_per_period', { ...benefit, months: conflict.periodMonths, kind });
      break;
    case 'need_served':
      return benefit ? t('conflict.need_served', benefit) : t('conflict.need_served_plain');
    case 'gap_covered':
      return t('conflict.gap_covered');
    case 'same_resource':
      return t('conflict.same_resource');
  }
  // A rule without its benefit (none recorded): the rule's own label still says why.
  return label('stackingConflict', conflict.rule);
}

const CONFLICT_RULES = new Set<string>([
  'exclusive',
  'once_per_period',
  'gap_covered',
  'need_served',
  'same_resource',
]);

const isConflict = (value: unknown): value is StackingConflict =>
  typeof value === 'object' &&
  value !== null &&
  CONFLICT_RULES.has(String((value as { rule?: unknown }).rule));

/**
 * The stacking conflict an error's details carry (an approval refused with STACKING_CONFLICT),
 * whether the details are the conflict or hold it as `stacking`; null for any other error.
 */
export function stackingConflictOf(details: unknown): StackingConflict | null {
  if (isConflict(details)) return details;
  const nested = (details as { stacking?: unknown } | null | undefined)?.stacking;
  return isConflict(nested) ? nested : null;
}

/** "费用缺口 ¥30,000.00，已覆盖 ¥12,000.00，尚缺 ¥18,000.00", or the amount alone. */
export function describeGap(
  gap: NeedGap | null | undefined,
  gapFen: number | null | undefined,
  t: Translate,
): string | null {
  if (gap)
    return t('gap.summary', {
      gap: formatYuan(gap.gapFen),
      covered: formatYuan(gap.coveredFen),
      left: formatYuan(gap.leftFen),
    });
  if (gapFen) return t('gap.only', { gap: formatYuan(gapFen) });
  return null;
}

/** "可覆盖 ¥8,000.00（尚缺 ¥10,000.00）": what is left once this proposal's share is paid. */
export function describeCoverage(
  coversFen: number | null | undefined,
  gap: NeedGap | null | undefined,
  t: Translate,
): string | null {
  if (coversFen === null || coversFen === undefined || !gap) return null;
  return t('gap.covers', {
    covers: formatYuan(coversFen),
    left: formatYuan(Math.max(gap.leftFen - coversFen, 0)),
  });
}
