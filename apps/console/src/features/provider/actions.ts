/** What the organization may do with its resource, by status (the API still checks each). */
export type OwnerAction = 'submit' | 'pause' | 'resume' | 'close';

const BY_STATUS: Record<string, OwnerAction[]> = {
  draft: ['submit', 'close'],
  pending_review: ['close'],
  published: ['pause', 'close'],
  paused: ['resume', 'close'],
  closed: [],
};

export function ownerActions(status: string): OwnerAction[] {
  return BY_STATUS[status] ?? [];
}

/** Closing is for good: it needs a reason and a confirmation. */
export const needsReason = (action: OwnerAction) => action === 'close';
