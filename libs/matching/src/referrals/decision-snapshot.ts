import type { EligibilityFacts, EligibilityRules } from '@onedoor/resources';
import type { ExplanationItem, Urgency } from '../engine/match-engine';

/**
 * What civil-affairs staff decided on, frozen at approval: later edits to the household,
 * the resource's rules or the weights never change it.
 */
export interface DecisionSnapshot {
  decidedAt: string;
  /** The approver (their area is where an overdue referral escalates from). */
  decidedBy: { userId: string; username: string; role: string; areaId: string | null };
  household: {
    id: string;
    tier: string | null;
    areaPath: string;
    assessmentId: string;
    /** The eligibility facts of the assessment the proposal was made from. */
    facts: EligibilityFacts;
  };
  need: { id: string; categoryCode: string; severity: number; urgency: Urgency };
  resource: {
    id: string;
    title: string;
    providerId: string;
    form: string;
    serviceLevel: string;
    /** The rule document and the resource version it was read at. */
    eligibility: EligibilityRules | null;
    version: number;
  };
  score: number;
  rank: number;
  explanation: ExplanationItem[];
}
