import type { Tier } from '@onedoor/resources';

export interface TierFacts {
  /** Household monthly income ÷ members, in fen. */
  perCapitaIncomeFen: number;
  totalIncomeFen: number;
  /** Monthly medical and education expenditure ÷ members, in fen. */
  rigidExpenditurePerCapitaFen: number;
  /** The district's minimum living standard (低保标准), fen per person per month. */
  standardFen: number;
  flags: { noLabourCapacity: boolean; noSupporter: boolean; suddenEvent: boolean };
}

export interface TierThresholds {
  /** Below this multiple of the standard: low income (低收入). Default 1.5. */
  lowIncomeRatio: number;
  /** Below this multiple: still in the outermost circle. Default 2. */
  outerCircleRatio: number;
}

export const DEFAULT_THRESHOLDS: TierThresholds = { lowIncomeRatio: 1.5, outerCircleRatio: 2 };

/** Why a tier was found: one per row of the table, and one for none. Labelled in the dictionaries. */
export const TIER_REASON_CODES = [
  'extreme_poverty',
  'subsistence',
  'sudden_event',
  'expenditure_poverty',
  'low_income',
  'outer_circle',
  'above_thresholds',
] as const;
export type TierReasonCode = (typeof TIER_REASON_CODES)[number];

export interface TierResult {
  tier: Tier | null;
  /** 1 = core safety net … 4 = outermost; null above every threshold. */
  circle: number | null;
  /** The row that matched, for the assessment's explanation. */
  reason: string;
  reasonCode: TierReasonCode;
}

interface Row {
  tier: Tier | null;
  circle: number;
  reasonCode: TierReasonCode;
  reason: string;
  when: (f: TierFacts, t: TierThresholds) => boolean;
}

/**
 * First matching row wins. The order encodes precedence: a household in the core safety
 * net keeps that tier even when a sudden event also strikes (the event shows as emergency
 * needs and queue priority instead), and expenditure-type poverty is checked before low
 * income because it is the more specific finding.
 */
export const TIER_TABLE: Row[] = [
  {
    tier: 'extreme_poverty',
    circle: 1,
    reasonCode: 'extreme_poverty',
    reason: 'no labour capacity, no income and no supporter (特困)',
    when: (f) => f.flags.noLabourCapacity && f.flags.noSupporter && f.totalIncomeFen === 0,
  },
  {
    tier: 'subsistence',
    circle: 1,
    reasonCode: 'subsistence',
    reason: 'per-capita income below the minimum living standard (低保)',
    when: (f) => f.perCapitaIncomeFen < f.standardFen,
  },
  {
    tier: 'emergency',
    circle: 3,
    reasonCode: 'sudden_event',
    reason: 'sudden event flagged by the assessment (急难)',
    when: (f) => f.flags.suddenEvent,
  },
  {
    tier: 'expenditure_poverty',
    circle: 3,
    reasonCode: 'expenditure_poverty',
    reason: 'income minus rigid expenditure, per capita, below the standard (支出型)',
    when: (f) => f.perCapitaIncomeFen - f.rigidExpenditurePerCapitaFen < f.standardFen,
  },
  {
    tier: 'low_income',
    circle: 2,
    reasonCode: 'low_income',
    reason: 'per-capita income below the low-income multiple of the standard (低收入)',
    when: (f, t) => f.perCapitaIncomeFen < f.standardFen * t.lowIncomeRatio,
  },
  {
    tier: null,
    circle: 4,
    reasonCode: 'outer_circle',
    reason: 'per-capita income below the outer-circle multiple of the standard (边缘)',
    when: (f, t) => f.perCapitaIncomeFen < f.standardFen * t.outerCircleRatio,
  },
];

/**
 * Pure and table-driven: the tier is the first row that holds; the circle is the innermost
 * of all rows that hold, so a worsening (a sudden event, medical bills) never moves a
 * household further from the core than its income alone would put it.
 */
export function computeTier(
  facts: TierFacts,
  thresholds: TierThresholds = DEFAULT_THRESHOLDS,
): TierResult {
  const rows = TIER_TABLE.filter((r) => r.when(facts, thresholds));
  if (rows.length === 0)
    return { tier: null, circle: null, reason: ABOVE_THRESHOLDS, reasonCode: 'above_thresholds' };
  return {
    tier: rows[0].tier,
    circle: Math.min(...rows.map((r) => r.circle)),
    reason: rows[0].reason,
    reasonCode: rows[0].reasonCode,
  };
}

const ABOVE_THRESHOLDS = 'above every threshold';

/**
 * The code of a stored reason: assessments keep the table's text (their record as written), and
 * readers get the code to show it by its label in their language.
 */
export function tierReasonCodeOf(reason: string | null): TierReasonCode | null {
  if (reason === null) return null;
  if (reason === ABOVE_THRESHOLDS) return 'above_thresholds';
  return TIER_TABLE.find((row) => row.reason === reason)?.reasonCode ?? null;
}
