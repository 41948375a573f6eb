/** Where a ledger entry came from (`grant`: an emergency grant's payment, libs/relief). */
export const ASSISTANCE_SOURCES = ['referral', 'entry', 'import', 'grant'] as const;
export type AssistanceSource = (typeof ASSISTANCE_SOURCES)[number];

/** A one-off benefit has one date (starts_on = ends_on); a monthly one runs from start to end. */
export const ASSISTANCE_FREQUENCIES = ['one_off', 'monthly'] as const;
export type AssistanceFrequency = (typeof ASSISTANCE_FREQUENCIES)[number];

/** An entry recorded in error is voided (with a reason), never deleted. */
export const ASSISTANCE_ENTRY_STATUSES = ['active', 'voided'] as const;
export type AssistanceEntryStatus = (typeof ASSISTANCE_ENTRY_STATUSES)[number];

/**
 * A row of a household's assistance history: a ledger entry (active or voided) or a OneDoor
 * referral approved and not yet delivered (`pending`: open, `in_progress`: accepted), which is
 * not in the ledger until its delivery writes it.
 */
export const ASSISTANCE_HISTORY_STATES = ['active', 'voided', 'pending', 'in_progress'] as const;
export type AssistanceHistoryState = (typeof ASSISTANCE_HISTORY_STATES)[number];

/**
 * How two benefits combine (DESIGN.md, the assistance ledger):
 * - `complementary`: they may stack on one need up to its assessed money gap;
 * - `exclusive`: one at a time (a current benefit blocks another);
 * - `once_per_period`: not again within `period_months` of the last one's start.
 */
export const STACKING_KINDS = ['complementary', 'exclusive', 'once_per_period'] as const;
export type StackingKind = (typeof STACKING_KINDS)[number];
