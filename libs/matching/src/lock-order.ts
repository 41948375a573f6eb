/**
 * The one order in which a transaction takes row locks when it locks more than one row:
 *
 *     household (advisory) → need → match_proposal → referral → contract → resource
 *
 * The household's is a transaction-scoped advisory lock (`pg_advisory_xact_lock` on
 * `household:<id>`, StackingRepository.lockHousehold in libs/ledger), not a row lock: it
 * serialises the decisions that add to one household's benefits, so an approval re-checking the
 * stacking rules sees every benefit an approval of another of its needs committed (two needs'
 * exclusive resources approved at once: exactly one succeeds). It is taken first, before the
 * need, by whoever takes it; the matcher's persist does not (its proposals are re-checked when
 * approved), so it never waits for it while holding a need.
 *
 * Two transactions that lock rows in opposite orders can each hold a row the other waits
 * for; PostgreSQL then aborts one of them (a deadlock, a 500 for its caller). Taking every lock
 * in this order makes that impossible. The rules:
 *
 * - A row is locked before any row further down the list, even when it is only found through
 *   the later row: a proposal's or a referral's need never changes, so its id is read without
 *   a lock, the need is locked, and only then the proposal or referral.
 * - Several rows of one table are locked by id (`ORDER BY id … FOR UPDATE`).
 * - The resource comes last: it is the row every approver of that resource contends for, so it
 *   is held only from its update to the commit.
 *
 * It is the order the matcher's persist already took (needs, then their proposals); approvals
 * used to lock the proposal before its need, and two approvals of one need deadlocked. The
 * need's lock serialises every write to its proposals and referrals, so rows of those under
 * it (the need's other proposals an approval supersedes) need no order of their own. Who
 * follows it:
 *
 * - a matcher batch: its households' matching locks (advisory, two-integer keys
 *   `(MATCH_LOCK_SPACE, hashtext(id))`, by key, one statement, before it reads anything: two
 *   runs of one household never overlap, in one process or several), then the needs (by id),
 *   then their proposals. No other path takes a matching lock, and its keys never equal the
 *   one-bigint decision locks', so it cannot close a cycle with the household's decision lock;
 * - approve: household (advisory), need, proposal, the need's other proposals, referral
 *   (insert), resource;
 * - reject, and a proposal's expiry when no unit is left: need, proposal;
 * - accept, decline, deliver, close a referral: need, referral, resource;
 * - SLA sweep: the expiring referrals' needs (by id), the referrals (by id), their resources
 *   (by id);
 * - a contract completed or terminated: contract, resource.
 * - an entry recorded (libs/ledger AssistanceEntriesService.record): household (advisory), then
 *   the insert; no row lock before it;
 * - a roll's batch written (libs/ledger RollBatchWriter): the import-wide advisory lock
 *   (`assistance_import.rows`, which nothing else takes, so it cannot close a cycle), then the
 *   batch's households (advisory) by id in sorted order, then the insert.
 *
 * The need's lock is also what keeps "one live referral per need" for a need without a money
 * gap: migration 1765910000000 dropped the unique partial index `uq_referral_live_need` (a
 * money-gap need may have several live referrals, and the table cannot tell the two kinds of
 * need apart without the need's gap). The one writer of referrals is approveIn (bulk approvals
 * go through it); it locks the need, then reads the need's live referral and its gap under that
 * lock and refuses (`NEED_ALREADY_SERVED`) before inserting. A second approval of the same need
 * waits on the need and then sees the first's referral (read committed: the statement after the
 * lock sees the committed row). A gap set or removed on the need also takes the need's lock, so
 * the gap read is the one the decision keeps. Any new path that opens a referral must take the
 * need's lock and make the same check.
 *
 * The households lib takes a household (and an assessment before it) before that household's
 * needs, which keeps to the same direction; no path here locks a household's row (the advisory
 * lock is a different lock: the two never wait for each other).
 */
export const LOCK_ORDER = [
  'household (advisory)',
  'need',
  'match_proposal',
  'referral',
  'contract',
  'resource',
] as const;
