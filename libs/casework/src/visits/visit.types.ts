export const VISIT_KINDS = ['home_visit', 'phone_call', 'office_meeting', 'other'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * `due`: scheduled from the household's revisit date and not yet made; `done`: made and
 * recorded; `missed` and `cancelled` are kept for the supervisors' later use (nothing sets them
 * yet: an overdue visit is a flag on the DTO, not a state a job writes).
 */
export const VISIT_STATUSES = ['due', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Kinds whose recording completes the case's open due visit (a revisit is made in person or by phone). */
export const COMPLETING_KINDS: readonly VisitKind[] = ['home_visit', 'phone_call'];

/** Why a note was decrypted for its reader: the page or action that showed it. */
export const NOTE_READ_PURPOSES = ['list', 'record', 'correct'] as const;
export type NoteReadPurpose = (typeof NOTE_READ_PURPOSES)[number];

/** The author may correct a note this many days after recording it. */
export const NOTE_CORRECTION_DAYS = 7;

/** A due visit this many days past its date is shown overdue. */
export const VISIT_OVERDUE_DAYS = 3;

/** The sweep schedules a revisit's visit this many days ahead of its date. */
export const VISIT_SCHEDULE_LEAD_DAYS = 14;
