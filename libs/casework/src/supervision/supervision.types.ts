export const SUPERVISION_KINDS = ['comment', 'required_action'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** open: waiting for the adviser; answered: waiting for the supervisor; resolved: done. */
export const SUPERVISION_STATUSES = ['open', 'answered', 'resolved'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
