import type { AssessmentEntity } from '../assessment.entity';
import type { HouseholdEntity } from '../household.entity';
import { REVISIT_MONTHS } from '../household.types';

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

export interface AssessmentOutcome {
  household: HouseholdEntity;
  /** What the assessment found. */
  tier: HouseholdEntity['tier'];
  circle: number | null;
  /** The household's completed assessment before this one, if any. */
  previous: AssessmentEntity | null;
  /** Members in work now (the previous count is in the previous assessment's snapshot). */
  employed: number;
  now: Date;
  graceMonths: { standard: number; employment: number };
}

/**
 * Gradual exit (渐退): a household that was assisted and is now above every threshold
 * enters `exiting` for a grace period (longer when a member found work), keeping the
 * tier and circle it is leaving until the grace ends; back within a threshold it returns
 * to `active`. An exited household assessed in need again is reopened. Revisits follow
 * the effective tier.
 */
export function householdAfterAssessment(o: AssessmentOutcome): Partial<HouseholdEntity> {
  const { household: h, circle, previous, now } = o;
  const change: Partial<HouseholdEntity> = { tier: o.tier, circle, lastAssessedAt: now };
  const wasAssisted = previous !== null && (h.tier !== null || h.circle !== null);
  if (circle !== null) {
    if (h.status !== 'active') {
      change.status = 'active';
      change.graceEndsAt = null;
    }
  } else if (h.status === 'exiting') {
    change.tier = h.tier; // still in grace: nothing changes until it ends
    change.circle = h.circle;
  } else if (h.status === 'active' && wasAssisted) {
    const previousEmployed = Number(
      (previous.factsSnapshot as { employed?: number } | null)?.employed ?? 0,
    );
    const months =
      o.employed > previousEmployed ? o.graceMonths.employment : o.graceMonths.standard;
    change.status = 'exiting';
    change.graceEndsAt = addMonths(now, months);
    change.tier = h.tier;
    change.circle = h.circle;
  }
  change.nextRevisitAt = addMonths(now, REVISIT_MONTHS[change.tier ?? 'none']);
  return change;
}
