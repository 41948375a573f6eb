import type { Role } from '@onedoor/platform';
import type { ResourceStatus } from './resource.types';

export const RESOURCE_ACTIONS = [
  'submit',
  'publish',
  'reject',
  'pause',
  'resume',
  'close',
  'exhaust',
  'expire',
] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

/** Who may act: the resource's own provider, civil-affairs staff whose scope holds its coverage, or the system. */
export type Actor = 'owner' | 'reviewer' | 'system';

export interface Transition {
  from: readonly ResourceStatus[];
  to: ResourceStatus;
  by: readonly Actor[];
  reasonRequired: boolean;
  /** Publishing needs a verified provider (DESIGN.md: an unverified provider cannot publish). */
  needsVerifiedProvider: boolean;
}

/**
 * The resource lifecycle as data: draft → pending_review → published ⇄ paused → closed.
 * A rejected submission goes back to draft for the provider to mend; withdrawing (close)
 * is possible from any open state; expiry is the matcher's.
 */
export const RESOURCE_TRANSITIONS: Record<ResourceAction, Transition> = {
  submit: {
    from: ['draft'],
    to: 'pending_review',
    by: ['owner'],
    reasonRequired: false,
    needsVerifiedProvider: false,
  },
  publish: {
    from: ['pending_review'],
    to: 'published',
    by: ['reviewer'],
    reasonRequired: false,
    needsVerifiedProvider: true,
  },
  reject: {
    from: ['pending_review'],
    to: 'draft',
    by: ['reviewer'],
    reasonRequired: true,
    needsVerifiedProvider: false,
  },
  pause: {
    from: ['published'],
    to: 'paused',
    by: ['owner', 'reviewer'],
    reasonRequired: false,
    needsVerifiedProvider: false,
  },
  resume: {
    from: ['paused'],
    to: 'published',
    by: ['owner', 'reviewer'],
    reasonRequired: false,
    needsVerifiedProvider: true,
  },
  close: {
    from: ['draft', 'pending_review', 'published', 'paused'],
    to: 'closed',
    by: ['owner', 'reviewer'],
    reasonRequired: true,
    needsVerifiedProvider: false,
  },
  expire: {
    from: ['published', 'paused'],
    to: 'closed',
    by: ['system'],
    reasonRequired: false,
    needsVerifiedProvider: false,
  },
  /** When delivered units reach capacity (the referral issue calls it). */
  exhaust: {
    from: ['published', 'paused'],
    to: 'closed',
    by: ['system'],
    reasonRequired: false,
    needsVerifiedProvider: false,
  },
};

/** Which actor a caller is for this resource (admin counts as both). */
export function actorsFor(
  principal: { role: Role; providerId: string | null },
  resource: { providerId: string },
  reviewerInScope: boolean,
): Actor[] {
  const actors: Actor[] = [];
  if (
    principal.role === 'admin' ||
    (principal.role === 'provider' && principal.providerId === resource.providerId)
  ) {
    actors.push('owner');
  }
  if (principal.role === 'admin' || (principal.role === 'civil_affairs' && reviewerInScope))
    actors.push('reviewer');
  return actors;
}
