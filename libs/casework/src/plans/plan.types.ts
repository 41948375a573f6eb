/** A plan version's life: a draft is edited in place; agreeing freezes it; a later agreed version supersedes it. */
export const PLAN_STATUSES = ['draft', 'agreed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How the family agreed: a signed page uploaded, or the adviser's attestation. */
export const AGREEMENT_METHODS = ['signed_file', 'attestation'] as const;
export type AgreementMethod = (typeof AGREEMENT_METHODS)[number];

export const GOAL_STATUSES = ['open', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Why the plan sync flagged a goal for the adviser. */
export const GOAL_FLAG_REASONS = ['referral_declined', 'referral_expired'] as const;
export type GoalFlagReason = (typeof GOAL_FLAG_REASONS)[number];

export const ACTION_KINDS = ['referral', 'adviser_service', 'family_step'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['todo', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The signed agreement's accepted content types (a scan or a photo of the signed page). */
export const AGREEMENT_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
