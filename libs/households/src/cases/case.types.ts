export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case is closed (the list; exits are counted by reason in the outcome report). */
export const CASE_CLOSE_REASONS = [
  'exited',
  'moved_away',
  'deceased',
  'no_longer_in_difficulty',
  'refused',
] as const;
export type CaseCloseReason = (typeof CASE_CLOSE_REASONS)[number];
