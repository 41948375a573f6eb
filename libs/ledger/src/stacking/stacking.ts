import type { AssistanceEntryStatus, AssistanceSource, StackingKind } from '../ledger.types';
import type { ConflictingBenefit, NeedGap, StackingConflict } from './stacking.types';

/**
 * One benefit a household has, as the stacking rules see it: an active ledger entry (every
 * source) or a OneDoor referral not yet in the ledger (`pending_referral`: approved, not yet
 * delivered).
 */
export interface Benefit extends ConflictingBenefit {
  resourceId: string | null;
  needId: string | null;
}

/** A ledger entry as {@link householdBenefits} reads it (voided ones too: see there). */
export interface LedgerBenefitRow extends Benefit {
  source: AssistanceSource;
  referralId: string | null;
  status: AssistanceEntryStatus;
}

/** A referral of the household that is live (open, accepted) or delivered. */
export interface ReferralBenefitRow extends Omit<Benefit, 'source'> {
  referralId: string;
  /** Delivered referrals are in the ledger (written at delivery, or by the ledger migration). */
  delivered: boolean;
  /** The Beijing date it was closed; null while it is not. */
  closedOn: string | null;
}

/** A row of the stacking_rule table. */
export interface StackingRule {
  id: string;
  kind: StackingKind;
  categoryCode: string | null;
  resourceAId: string | null;
  resourceBId: string | null;
  periodMonths: number | null;
}

/** The resource proposed (or approved) for the need. */
export interface StackingCandidate {
  resourceId: string;
  categoryCode: string;
  /** Fen per unit; null for a service without a money value. */
  valuePerUnitFen: number | null;
}

export interface StackingNeed {
  id: string;
  /** The assessed money gap (fen); null for a need without one. */
  gapFen: number | null;
  /** A need without a gap is served by one live OneDoor referral (open, accepted, delivered). */
  hasLiveReferral: boolean;
}

/**
 * The household's benefits: its active ledger entries, and its referrals that the ledger does
 * not hold yet. A referral whose id is on any entry (a delivery written to the ledger, even one
 * voided since) is the ledger's and is not counted again; a delivered referral without an entry
 * (the entry is written in the delivery's transaction, so only before that existed) counts as
 * the ledger would hold it.
 */
export function householdBenefits(
  entries: readonly LedgerBenefitRow[],
  referrals: readonly ReferralBenefitRow[],
): Benefit[] {
  const inLedger = new Set(entries.flatMap((e) => (e.referralId ? [e.referralId] : [])));
  const closedOn = new Map(referrals.map((r) => [r.referralId, r.closedOn]));
  const benefits: Benefit[] = entries
    .filter((e) => e.status === 'active')
    .map(({ referralId, status: _s, ...benefit }) =>
      benefit.source === 'referral' && referralId !== null && closedOn.has(referralId)
        ? { ...benefit, endsOn: untilClosed(benefit, closedOn.get(referralId)!) }
        : benefit,
    );
  for (const { referralId, delivered, closedOn: closed, ...r } of referrals) {
    if (inLedger.has(referralId)) continue;
    benefits.push(
      delivered
        ? { ...r, source: 'referral', endsOn: untilClosed(r, closed) }
        : { ...r, source: 'pending_referral' },
    );
  }
  return benefits;
}

/**
 * A OneDoor delivery is written as a one-off (its delivery date), but the household goes on
 * receiving it until the referral is closed: until then it is current (an `exclusive` rule
 * keeps applying the day after the delivery); closed on day C, it ended the day before (its
 * own delivery date at the earliest), so the re-match a close queues that day is not refused
 * by the benefit that just ended.
 */
function untilClosed(
  b: Pick<Benefit, 'startsOn' | 'endsOn'>,
  closedOn: string | null,
): string | null {
  if (closedOn === null) return null;
  const end = b.endsOn ?? b.startsOn;
  const dayBefore = new Date(`${closedOn}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const last = dayBefore.toISOString().slice(0, 10);
  return last > end ? last : end;
}

/**
 * A benefit is current on `day` from its start to its end. A pending referral always is: it
 * was approved and is under way, whatever day its row's creation (the database's clock) says —
 * a start read from `created_at` may lie after the application's `day` (a clock moved back in
 * tests, or two clocks a moment apart across Beijing midnight), and must not let a second
 * exclusive benefit through.
 */
export function isCurrent(
  b: Pick<Benefit, 'startsOn' | 'endsOn'> & { source?: Benefit['source'] },
  day: string,
): boolean {
  if (b.source === 'pending_referral') return true;
  return b.startsOn <= day && (b.endsOn === null || b.endsOn >= day);
}

/**
 * `day` (YYYY-MM-DD) minus `months` calendar months, the day clamped to the shorter month
 * (2026-03-31 − 1 month = 2026-02-28): Beijing dates in, a Beijing date out, no time zone.
 */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

/** The money-gap figures of a need with a gap (null without one): Σ its benefits' amounts. */
export function needGap(
  need: Pick<StackingNeed, 'id' | 'gapFen'>,
  benefits: readonly Benefit[],
): NeedGap | null {
  if (need.gapFen === null) return null;
  const coveredFen = benefits
    .filter((b) => b.needId === need.id)
    .reduce((sum, b) => sum + (b.amountFen ?? 0), 0);
  // Left never below 0: a department may record more than the gap (covered says how much).
  return { gapFen: need.gapFen, coveredFen, leftFen: Math.max(0, need.gapFen - coveredFen) };
}

/**
 * How much of the gap a candidate would cover: its value per unit up to what is left (a
 * service without a value covers nothing of it); null for a need without a gap.
 */
export function coversFen(
  candidate: Pick<StackingCandidate, 'valuePerUnitFen'>,
  gap: NeedGap | null,
): number | null {
  if (!gap) return null;
  return Math.max(0, Math.min(candidate.valuePerUnitFen ?? 0, gap.leftFen));
}

/** The most specific rule for the pair (candidate, benefit): pair, then category, else none. */
export function decidingRule(
  candidate: StackingCandidate,
  benefit: Pick<Benefit, 'resourceId' | 'categoryCode'>,
  rules: readonly StackingRule[],
): StackingRule | null {
  if (benefit.resourceId !== null) {
    const [a, b] = [candidate.resourceId, benefit.resourceId].sort();
    const pair = rules.find((r) => r.resourceAId === a && r.resourceBId === b);
    if (pair) return pair;
  }
  if (benefit.categoryCode !== candidate.categoryCode) return null;
  return rules.find((r) => r.categoryCode === candidate.categoryCode) ?? null;
}

const conflict = (
  rule: StackingConflict['rule'],
  decided: StackingRule | null,
  benefit: Benefit | null,
): StackingConflict => ({
  rule,
  ruleId: decided?.id ?? null,
  ruleKind: decided?.kind ?? null,
  periodMonths: decided?.periodMonths ?? null,
  benefit: benefit && {
    source: benefit.source,
    grantedBy: benefit.grantedBy,
    title: benefit.title,
    categoryCode: benefit.categoryCode,
    startsOn: benefit.startsOn,
    endsOn: benefit.endsOn,
    amountFen: benefit.amountFen,
  },
});

/** Latest start first, then by title: the conflict named is the most recent benefit. */
const byRecency = (a: Benefit, b: Benefit) =>
  a.startsOn === b.startsOn
    ? a.title < b.title
      ? -1
      : a.title > b.title
        ? 1
        : 0
    : a.startsOn < b.startsOn
      ? 1
      : -1;

/**
 * Whether the candidate may be added to what the household receives for this need, on `today`
 * (a Beijing date); the first conflict, or null. The need first (served without a gap: a live
 * referral or a current benefit recorded against it; or its gap covered), then each benefit,
 * most recent first, under its deciding rule: `exclusive` while the benefit is current,
 * `once_per_period` while it started within the period, `complementary` never by itself; with
 * no rule, the same resource twice (a resource serves a household once). The same resource
 * already given for this need conflicts before any rule. The one implementation the matcher
 * and the approval both call.
 */
export function stackingConflict(input: {
  candidate: StackingCandidate;
  need: StackingNeed;
  benefits: readonly Benefit[];
  rules: readonly StackingRule[];
  today: string;
}): StackingConflict | null {
  return stackingCheck(input)(input.candidate);
}

/**
 * `stackingConflict` prepared for one need: what depends on the need alone (its benefits in
 * order, whether it is served or its gap covered) is worked out once, and the function returned
 * answers for each candidate. The matcher asks it for every candidate of a need (~150 when a
 * third of the resources are district-wide); with no benefit, it answers at once.
 */
export function stackingCheck(input: {
  need: StackingNeed;
  benefits: readonly Benefit[];
  rules: readonly StackingRule[];
  today: string;
}): (candidate: StackingCandidate) => StackingConflict | null {
  const { need, benefits, rules, today } = input;
  const sorted = [...benefits].sort(byRecency);
  const ofNeed = needConflict(need, benefits, sorted, today);
  if (ofNeed) return () => ofNeed;
  if (sorted.length === 0) return () => null;
  return (candidate) => {
    // The same resource already given for this very need: whatever the rules let stack (a
    // complementary category, a pair rule (R, R)), one resource is not approved twice on one
    // need (proposed again, it would take a top-K slot from a resource that can still help;
    // approved again after a reassessment, it would count twice against the gap).
    const again = sorted.find((b) => b.resourceId === candidate.resourceId && b.needId === need.id);
    if (again) return conflict('same_resource', null, again);
    for (const b of sorted) {
      const rule = decidingRule(candidate, b, rules);
      if (rule === null) {
        if (b.resourceId === candidate.resourceId) return conflict('same_resource', null, b);
        continue;
      }
      if (rule.kind === 'exclusive' && isCurrent(b, today)) return conflict('exclusive', rule, b);
      if (
        rule.kind === 'once_per_period' &&
        b.startsOn > monthsBefore(today, rule.periodMonths ?? 0)
      )
        return conflict('once_per_period', rule, b);
    }
    return null;
  };
}

/** The need's own conflict, whatever the candidate: served (no gap), or its gap covered. */
function needConflict(
  need: StackingNeed,
  benefits: readonly Benefit[],
  sorted: readonly Benefit[],
  today: string,
): StackingConflict | null {
  if (need.gapFen === null) {
    // Served by a live OneDoor referral, or by a current benefit a department recorded (or a
    // roll imported) against this need: either way it is not matched again. A referral's own
    // entry is the referral's (live or not), not a second way of serving the need.
    const serving =
      sorted.find(
        (b) =>
          b.needId === need.id &&
          (b.source === 'entry' || b.source === 'import') &&
          isCurrent(b, today),
      ) ?? null;
    if (need.hasLiveReferral || serving)
      return conflict(
        'need_served',
        null,
        serving ?? sorted.find((b) => b.needId === need.id) ?? null,
      );
    return null;
  }
  const gap = needGap(need, benefits)!;
  if (gap.leftFen <= 0)
    return conflict('gap_covered', null, sorted.find((b) => b.needId === need.id) ?? null);
  return null;
}

/** The conflict in the English words of logs and of the `detail` of a rejection. */
export function describeConflict(c: StackingConflict): string {
  const b = c.benefit;
  const what = b ? `${b.title} from ${b.grantedBy} since ${b.startsOn}` : 'a benefit';
  switch (c.rule) {
    case 'exclusive':
      return `already receives ${what} (exclusive)`;
    case 'once_per_period':
      return `already received ${what} (once per ${c.periodMonths} months)`;
    case 'gap_covered':
      return `the need's money gap is covered (last: ${what})`;
    case 'need_served':
      return 'the need is already being served';
    case 'same_resource':
      return `this resource already served the household (${what})`;
  }
}
