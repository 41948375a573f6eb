/** How the adviser reached the family. */
export const CHECK_IN_MODES = ['phone', 'visit'] as const;
export type CheckInMode = (typeof CHECK_IN_MODES)[number];

/** What happened to the household's income since the last contact. */
export const INCOME_CHANGES = ['unchanged', 'lost_job', 'fell', 'rose'] as const;
export type IncomeChange = (typeof INCOME_CHANGES)[number];

/** Who joined or left the household. */
export const MEMBER_CHANGES = ['birth', 'death', 'moved_in', 'moved_out'] as const;
export type MemberChange = (typeof MEMBER_CHANGES)[number];

/** Why a check-in asks for a full assessment again. */
export const REASSESSMENT_REASONS = [
  'income_changed',
  'members_changed',
  'new_disability',
  'no_assessment',
] as const;
export type ReassessmentReason = (typeof REASSESSMENT_REASONS)[number];
