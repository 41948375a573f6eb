/**
 * The one place where queues, their job names, payload types and job-id builders are
 * declared. Producers and processors import from here, so a job can't be enqueued under a
 * name that no worker knows.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  matching: 'matching',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Payload type per queue and job name. */
export interface JobPayloads {
  maintenance: {
    /** Proves the worker is alive and connected; scheduled every HEARTBEAT_EVERY_MS. */
    heartbeat: { scheduledBy: string };
    /** Deletes login-failure rows older than the throttling window (LOGIN_FAILURE_WINDOW_MINUTES). */
    'prune-login-failures': Record<string, never>;
    /** Closes resources whose validity window has ended (audited as `expire`). */
    'expire-resources': Record<string, never>;
    /** Closes exiting households whose grace period has ended (withdrawing open needs). */
    'complete-exits': Record<string, never>;
    /** Queues matching for completed assessments whose job never reached Redis (outbox sweep). */
    'enqueue-pending-matches': Record<string, never>;
    /** Re-queues open needs that were never matched (Redis lost their jobs): at start and every 10 minutes. */
    'reconcile-matching': Record<string, never>;
    /** Marks overdue referrals, escalates them one area level up, expires them past the hard limit. */
    'sla-sweep': Record<string, never>;
    /** Closes one tender's bidding: delayed until its `closesAt` when the tender is published. */
    'close-bidding': { projectId: string };
    /** Closes every tender past its deadline whose delayed job was lost (Redis) or ran early. */
    'close-due-bidding': Record<string, never>;
  };
  matching: {
    /** Match a household's open needs after an assessment completed (the matcher issue consumes it). */
    'match-household': { householdId: string; assessmentId: string };
    /**
     * A resource was published or resumed (its version), or a referral released a unit of it
     * (releasedBy: the referral): re-match households with open needs it may serve.
     */
    'rematch-resource': { resourceId: string; version?: number; releasedBy?: string };
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J];

/** Runtime list of job names per queue, checked against the handlers at worker start. */
export const JOB_NAMES: { [Q in QueueName]: ReadonlyArray<JobName<Q>> } = {
  maintenance: [
    'heartbeat',
    'prune-login-failures',
    'expire-resources',
    'complete-exits',
    'enqueue-pending-matches',
    'reconcile-matching',
    'sla-sweep',
    'close-bidding',
    'close-due-bidding',
  ],
  matching: ['match-household', 'rematch-resource'],
};

/**
 * Deduplication ids: BullMQ ignores an `add` whose jobId already exists, so the same event
 * enqueued twice runs once. (BullMQ forbids ':' in custom ids, hence '.'.)
 */
export const jobIds = {
  heartbeatScheduler: () => 'maintenance.heartbeat',
  pruneLoginFailuresScheduler: () => 'maintenance.prune-login-failures',
  expireResourcesScheduler: () => 'maintenance.expire-resources',
  completeExitsScheduler: () => 'maintenance.complete-exits',
  enqueuePendingMatchesScheduler: () => 'maintenance.enqueue-pending-matches',
  /** One matching run per household and assessment, however often it is enqueued. */
  matchHousehold: (householdId: string, assessmentId: string) =>
    `match-household.${householdId}.${assessmentId}`,
  /** Once per resource version: publishing then resuming re-matches twice, a retry never. */
  rematchResource: (resourceId: string, version: number) =>
    `rematch-resource.${resourceId}.${version}`,
  /** Capacity released by a referral that ended without delivery. */
  rematchResourceAfterRelease: (resourceId: string, referralId: string) =>
    `rematch-resource.${resourceId}.release.${referralId}`,
  /** A household re-matched because a resource appeared: once per resource version. */
  matchHouseholdFor: (householdId: string, resourceId: string, cause: string) =>
    `match-household.${householdId}.after.${resourceId}.${cause}`,
  reconcileScheduler: () => 'maintenance.reconcile-matching',
  slaSweepScheduler: () => 'maintenance.sla-sweep',
  closeDueBiddingScheduler: () => 'maintenance.close-due-bidding',
  /** One delayed close per tender and deadline. */
  closeBidding: (projectId: string, closesAt: Date) =>
    `close-bidding.${projectId}.${closesAt.getTime()}`,
  /** A need re-queued because its referral ended (declined, expired, closed unresolved). */
  matchHouseholdAfterReferral: (householdId: string, referralId: string, status: string) =>
    `match-household.${householdId}.referral.${referralId}.${status}`,
};

export const HEARTBEAT_EVERY_MS = 30_000;
export const PRUNE_LOGIN_FAILURES_EVERY_MS = 15 * 60_000;
export const EXPIRE_RESOURCES_EVERY_MS = 60 * 60_000;
export const COMPLETE_EXITS_EVERY_MS = 60 * 60_000;
export const ENQUEUE_PENDING_MATCHES_EVERY_MS = 5 * 60_000;
export const RECONCILE_MATCHING_EVERY_MS = 10 * 60_000;
export const SLA_SWEEP_EVERY_MS = 5 * 60_000;
export const CLOSE_DUE_BIDDING_EVERY_MS = 60_000;
/** Jobs per addBulk call when a resource fans out to households. */
export const FAN_OUT_BATCH = 1_000;
/** BullMQ priorities: lower runs first. Emergency households take the green channel. */
export const MATCH_PRIORITY = { emergency: 1, normal: 10 } as const;
