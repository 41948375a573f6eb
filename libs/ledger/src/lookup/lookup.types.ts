/** Why a department or provider asks (declared with every lookup, kept in its log). */
export const LOOKUP_PURPOSES = [
  'eligibility_review',
  'duplicate_check',
  'referral_service',
  'other',
] as const;
export type LookupPurpose = (typeof LOOKUP_PURPOSES)[number];

/** `receives`: a current benefit of a category; `tier`: the household's certified tier. */
export const LOOKUP_QUESTIONS = ['receives', 'tier'] as const;
export type LookupQuestion = (typeof LOOKUP_QUESTIONS)[number];

/** The longest purpose note (required for `other`). */
export const LOOKUP_NOTE_MAX = 200;
