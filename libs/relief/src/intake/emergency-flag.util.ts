import type { HouseholdEntity } from '@onedoor/households';
import type { Tier } from '@onedoor/resources';
import { EMERGENCY_TAG } from '../relief.types';

/** Tiers that rank above a sudden event in TIER_TABLE: the household keeps them. */
const CORE_TIERS: ReadonlyArray<Tier> = ['extreme_poverty', 'subsistence'];
/** The emergency tier's circle in TIER_TABLE (急难: circle 3). */
const EMERGENCY_CIRCLE = 3;

/**
 * The standing an intake gives the household for eligibility until the full assessment: the
 * emergency tier, unless it is already in the core safety net, which wins over a sudden event
 * as in TIER_TABLE (the emergency then shows as emergency needs and queue priority); the
 * circle never moves further from the core than it already is.
 */
export function provisionalStanding(h: Pick<HouseholdEntity, 'tier' | 'circle'>): {
  tier: Tier;
  circle: number;
} {
  if (h.tier && CORE_TIERS.includes(h.tier)) return { tier: h.tier, circle: h.circle ?? 1 };
  return { tier: 'emergency', circle: Math.min(h.circle ?? EMERGENCY_CIRCLE, EMERGENCY_CIRCLE) };
}

/**
 * What an intake changes on an existing household: the emergency tag, a revisit no later than
 * the follow-up's date, and an exited household reopened (the matcher skips exited ones). Its
 * tier and an exiting household's grace stay: they are the full assessment's to change.
 */
export function householdFlagChange(
  h: Pick<HouseholdEntity, 'tags' | 'status' | 'nextRevisitAt'>,
  dueAt: Date,
): Partial<HouseholdEntity> {
  const change: Partial<HouseholdEntity> = {};
  if (!h.tags.includes(EMERGENCY_TAG)) change.tags = [...h.tags, EMERGENCY_TAG];
  if (!h.nextRevisitAt || h.nextRevisitAt > dueAt) change.nextRevisitAt = dueAt;
  if (h.status === 'exited') {
    change.status = 'active';
    change.graceEndsAt = null;
  }
  return change;
}
