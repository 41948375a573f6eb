import type { Evaluation } from './api';

/**
 * Where the organization stands with its comment on an evaluation: none before completion,
 * given (one comment, the API refuses a second), open until commentDueAt, closed after.
 * The API decides; this only chooses what the page offers.
 */
export type CommentWindow = 'notYet' | 'given' | 'open' | 'closed';

export function commentWindow(
  e: Pick<Evaluation, 'status' | 'commentDueAt' | 'providerComment'>,
  now: Date = new Date(),
): CommentWindow {
  if (e.status !== 'completed') return 'notYet';
  if (e.providerComment !== null) return 'given';
  if (e.commentDueAt && Date.parse(e.commentDueAt) < now.getTime()) return 'closed';
  return 'open';
}
