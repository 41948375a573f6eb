import type { ProjectStatus } from '../procurement.types';

export const PROJECT_ACTIONS = [
  'publish',
  'close',
  'fail',
  'start_evaluation',
  'award',
  'reopen_award',
  'cancel',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/**
 * The tender lifecycle as data: draft → published → bidding_closed → evaluating → awarded,
 * with failed (too few valid bids) and cancelled as ends. `reopen_award` is the one way back:
 * the winner declined within its deadline, so the next-ranked bid may be awarded.
 */
export const PROJECT_TRANSITIONS: Record<
  ProjectAction,
  { from: readonly ProjectStatus[]; to: ProjectStatus }
> = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'bidding_closed' },
  fail: { from: ['published', 'bidding_closed', 'evaluating'], to: 'failed' },
  start_evaluation: { from: ['bidding_closed'], to: 'evaluating' },
  award: { from: ['evaluating'], to: 'awarded' },
  reopen_award: { from: ['awarded'], to: 'evaluating' },
  cancel: { from: ['draft', 'published', 'bidding_closed', 'evaluating'], to: 'cancelled' },
};

export function canTransition(status: ProjectStatus, action: ProjectAction): boolean {
  return PROJECT_TRANSITIONS[action].from.includes(status);
}
