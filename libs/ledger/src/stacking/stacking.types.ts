import type { AssistanceSource, StackingKind } from '../ledger.types';

/**
 * Why a benefit may not be added to what the household already receives: a rule of the table
 * (`exclusive`, `once_per_period`), the need's money gap already covered (`gap_covered`), a
 * need without an assessed gap already served (`need_served`), the same resource again without
 * a rule that allows it (`same_resource`).
 */
export const STACKING_CONFLICTS = [
  'exclusive',
  'once_per_period',
  'gap_covered',
  'need_served',
  'same_resource',
] as const;
export type StackingConflictKind = (typeof STACKING_CONFLICTS)[number];

/** The benefit a conflict is with, as the why-not view and the approval's 409 name it. */
export interface ConflictingBenefit {
  /** `pending_referral`: a OneDoor referral approved and not yet delivered. */
  source: AssistanceSource | 'pending_referral';
  grantedBy: string;
  title: string;
  categoryCode: string;
  /** YYYY-MM-DD (Beijing). */
  startsOn: string;
  endsOn: string | null;
  amountFen: number | null;
}

/** Stored on a rejection (need.match_rejections) and returned by the why-not view. */
export interface StackingConflict {
  rule: StackingConflictKind;
  /** The stacking_rule row that decided, when one did. */
  ruleId: string | null;
  ruleKind: StackingKind | null;
  periodMonths: number | null;
  benefit: ConflictingBenefit | null;
}

/** A money-gap need's figures (fen): assessed, covered by what it receives, left. */
export interface NeedGap {
  gapFen: number;
  coveredFen: number;
  leftFen: number;
}
