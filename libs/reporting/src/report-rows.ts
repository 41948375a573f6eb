/**
 * The rows {@link ReportsRepository} reads, one shape per report, typed as PostgreSQL returns
 * them after the repository's conversions. `key` is null on the total row (GROUPING SETS `()`)
 * and '' for records of the scope area itself when grouped per child area.
 */

export interface CoverageFigures {
  key: string | null;
  households: number;
  accessible: number;
  attained: number;
}

/** One unmet need, with the reasons it is unmet. */
export interface UnmetNeedRecord {
  needId: string;
  householdId: string;
  key: string;
  categoryCode: string;
  severity: number;
  urgency: string;
  reasons: string[];
  waitingSince: Date;
}

/** Unmet needs per child area × category; both null on the total row. */
export interface UnmetSummaryFigures {
  key: string | null;
  categoryCode: string | null;
  needs: number;
  households: number;
  /** Needs per reason; null when there are none to count (the total of an empty scope). */
  reasons: Record<string, number> | null;
  oldest: Date | null;
}

export interface ReferralSlaFigures {
  key: string | null;
  referrals: number;
  open: number;
  accepted: number;
  delivered: number;
  closed: number;
  declined: number;
  expired: number;
  acceptanceDue: number;
  acceptedWithinDeadline: number;
  deliveryDue: number;
  deliveredWithinDeadline: number;
  overdue: number;
  escalated: number;
  /** Hours to 2 decimals; null with nothing accepted (or delivered). */
  medianHoursToAccept: number | null;
  medianHoursToDeliver: number | null;
}

/** The figures of a group with no referral approved in the period. */
export const NO_REFERRALS: Omit<ReferralSlaFigures, 'key'> = {
  referrals: 0,
  open: 0,
  accepted: 0,
  delivered: 0,
  closed: 0,
  declined: 0,
  expired: 0,
  acceptanceDue: 0,
  acceptedWithinDeadline: 0,
  deliveryDue: 0,
  deliveredWithinDeadline: 0,
  overdue: 0,
  escalated: 0,
  medianHoursToAccept: null,
  medianHoursToDeliver: null,
};

/** The total of a scope with no unmet need, should the query yield no total row. */
export const NO_UNMET_NEEDS: UnmetSummaryFigures = {
  key: null,
  categoryCode: null,
  needs: 0,
  households: 0,
  reasons: {},
  oldest: null,
};

/** Per resource or provider kind; the details are null per provider kind. */
export interface ResourceFigures {
  key: string | null;
  name: string | null;
  providerName: string | null;
  providerKind: string | null;
  categoryCode: string | null;
  status: string | null;
  validUntil: string | null;
  resources: number;
  capacity: number;
  reserved: number;
  delivered: number;
  remaining: number;
  expiringSoon: number;
}

/** Per contract; on the total row the contract's own fields are null. Money in integer fen. */
export interface ContractFigures {
  key: string | null;
  name: string | null;
  providerName: string | null;
  status: string | null;
  valueFen: number;
  milestones: number;
  milestonesMet: number;
  milestonesPartiallyMet: number;
  milestonesNotMet: number;
  paidFen: number;
  waitingFen: number;
  latestGrade: string | null;
  latestScore: number | null;
  referrals: number;
  acceptedWithinDeadline: number;
  deliveredWithinDeadline: number;
  closedResolved: number;
  meanSatisfaction: number | null;
}

/**
 * An amount of fen from a bigint or numeric column (node-postgres reads both as text) as a
 * number, refused past 2^53 where a number would no longer hold it exactly.
 */
export function fen(value: string | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of fen: ${value}`);
  return n;
}
