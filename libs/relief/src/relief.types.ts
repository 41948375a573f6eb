/**
 * Emergency relief (救急难, DESIGN.md): leads reported by anyone, an intake that skips the full
 * assessment, grants of a variable amount debited atomically from reserve and donation funds,
 * donations from pledge to receipt, and the full assessment that must follow.
 */

// funds
/** A reserve fund (备用金, budgeted by government) or a donation fund (a special account). */
export const FUND_KINDS = ['reserve', 'donation'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** A closed fund pays nothing and receives nothing; its statements remain. */
export const FUND_STATUSES = ['active', 'closed'] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];

/**
 * What moved a fund's balance, one row each (the statement is their sum per period):
 * `opening` the budget or opening balance at creation, `allocation` a later top-up,
 * `donation` a received donation, `grant` a grant's debit (negative), `adjustment` a
 * correction by staff (either sign).
 */
export const FUND_MOVEMENT_KINDS = [
  'opening',
  'allocation',
  'donation',
  'grant',
  'adjustment',
] as const;
export type FundMovementKind = (typeof FUND_MOVEMENT_KINDS)[number];

// grants
/**
 * requested → approved (the fund is debited in the approval's transaction) → paid (handed
 * over, entered in the ledger) | rejected (from requested).
 */
export const GRANT_STATUSES = ['requested', 'approved', 'paid', 'rejected'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

// donations
/** Who gave: a person, a social organization (charity, foundation), or an enterprise. */
export const DONOR_KINDS = ['individual', 'organization', 'enterprise'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/**
 * pledged (promised, not yet in the account) → received (the fund is credited in the same
 * transaction) | cancelled (never arrived). Received and cancelled are final.
 */
export const DONATION_STATUSES = ['pledged', 'received', 'cancelled'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

// leads
/** reported → triaged → linked (an existing household) | registered (a new one) | closed. */
export const LEAD_STATUSES = ['reported', 'triaged', 'linked', 'registered', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Who reported: a reporter account, staff, an assessor, a provider's user, or the public form. */
export const LEAD_SOURCES = ['reporter', 'staff', 'assessor', 'provider', 'public'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

// intake
/** The urgency an intake gives its needs: the matcher's top queue priority. */
export const INTAKE_URGENCY = 'emergency' as const;
/** The household tag an intake sets, cleared when its follow-up is done (see FollowUpsService). */
export const EMERGENCY_TAG = 'emergency' as const;

// follow-up
/** due → done (a completed assessment after the intake) | overdue (past its date; still → done). */
export const FOLLOW_UP_STATUSES = ['due', 'overdue', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** Why the registry check offers a household: a member's identity number, its phone, its address. */
export const LEAD_MATCHES = ['idNumber', 'phone', 'address'] as const;
export type LeadMatch = (typeof LEAD_MATCHES)[number];
