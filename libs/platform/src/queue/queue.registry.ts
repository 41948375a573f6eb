/**
 * The one place where queues, their job names, payload types and job-id builders are
 * declared. Producers and processors import from here, so a job can't be enqueued under a
 * name that no worker knows.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  matching: 'matching',
  webhooks: 'webhooks',
  mail: 'mail',
  notifications: 'notifications',
  imports: 'imports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Payload type per queue and job name. */
export interface JobPayloads {
  maintenance: {
    /** Proves the worker is alive and connected; scheduled in {@link JOB_SCHEDULES}. */
    heartbeat: { scheduledBy: string };
    /** Deletes lapsed login-throttle counters (table login_limit). */
    'prune-login-failures': Record<string, never>;
    /** Deletes stored Idempotency-Key responses past their 24 h. */
    'prune-idempotency-keys': Record<string, never>;
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
    /** Marks proposals, resource reviews and organization applications past their deadline; escalates. */
    'staff-deadlines-sweep': Record<string, never>;
    /** Reminds assessors of revisits due and grace periods ending (daily; deduplicated per date). */
    'household-reminders': Record<string, never>;
    /** Closes one tender's bidding: delayed until its `closesAt` when the tender is published. */
    'close-bidding': { projectId: string };
    /** Closes every tender past its deadline whose delayed job was lost (Redis) or ran early. */
    'close-due-bidding': Record<string, never>;
    /** Re-queues pending webhook deliveries whose job Redis lost. */
    'requeue-webhook-deliveries': Record<string, never>;
    /** Re-queues household imports still queued whose job Redis lost. */
    'requeue-household-imports': Record<string, never>;
    /** Brings case plans in line with their referrals and needs (casework's plan sync). */
    'sync-case-plans': Record<string, never>;

    /** Turns revisit dates within 14 days into visits due on open cases (once per case and date). */
    'schedule-case-visits': Record<string, never>;
    /** Re-queues roll imports into the assistance ledger still queued whose job Redis lost. */
    'requeue-assistance-imports': Record<string, never>;
    /** Emergency intakes' follow-ups: marks done those assessed, escalates overdue ones once. */
    'follow-up-sweep': Record<string, never>;
    // relief: grants
    /** Escalates requested emergency grants past their decision deadline to the area above (once). */
    'grant-decisions-sweep': Record<string, never>;
    // relief: leads
    /** Escalates leads still untriaged past their deadline to the area above (once each). */
    'lead-triage-sweep': Record<string, never>;
  };
  matching: {
    /**
     * Match a household's open needs (after an assessment completed, a referral ended, a
     * resource appeared, or the reconciler found them unmatched). No assessment id: a run
     * always reads the household's latest completed assessment, so a job queued for an older
     * one matches on current facts; the assessment stays in the job id, for deduplication.
     */
    'match-household': { householdId: string };
    /**
     * A resource was published or resumed (its version), or a referral released a unit of it
     * (releasedBy: the referral): re-match households with open needs it may serve.
     */
    'rematch-resource': { resourceId: string; version?: number; releasedBy?: string };
  };
  webhooks: {
    /** One webhook_delivery row: post it, record the attempt; BullMQ retries with backoff. */
    'deliver-webhook': { deliveryId: string };
  };
  mail: {
    /**
     * One e-mail to one user (address read from the account at send time, so it is never in
     * Redis). `secretEnc`: a one-time secret for the message (a set-password token), encrypted
     * with PiiCipher so Redis never holds it in clear.
     */
    'send-mail': { userId: string; subject: string; text: string; secretEnc?: string };
  };
  notifications: {
    /**
     * Fans undispatched outbox events out to their recipients and channels, in id order, until
     * none is left: a sweep every few seconds (several matchers share it, SKIP LOCKED).
     */
    'dispatch-events': Record<string, never>;
  };
  imports: {
    /** One household_import row: parse its stored file and import it row by row. */
    'run-household-import': { importId: string };
    /** One assistance_import row: read its stored roll and write its rows to the ledger. */
    'run-assistance-import': { importId: string };
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J];

/** Runtime list of job names per queue, checked against the handlers at worker start. */
export const JOB_NAMES: { [Q in QueueName]: ReadonlyArray<JobName<Q>> } = {
  maintenance: [
    'heartbeat',
    'prune-login-failures',
    'prune-idempotency-keys',
    'expire-resources',
    'complete-exits',
    'enqueue-pending-matches',
    'reconcile-matching',
    'sla-sweep',
    'staff-deadlines-sweep',
    'household-reminders',
    'close-bidding',
    'close-due-bidding',
    'requeue-webhook-deliveries',
    'requeue-household-imports',
    'sync-case-plans',

    'schedule-case-visits',
    'requeue-assistance-imports',
    'follow-up-sweep',
    // relief: grants
    'grant-decisions-sweep',
    // relief: leads
    'lead-triage-sweep',
  ],
  matching: ['match-household', 'rematch-resource'],
  webhooks: ['deliver-webhook'],
  mail: ['send-mail'],
  notifications: ['dispatch-events'],
  imports: ['run-household-import', 'run-assistance-import'],
};

/**
 * Deduplication ids: BullMQ ignores an `add` whose jobId already exists, so the same event
 * enqueued twice runs once. (BullMQ forbids ':' in custom ids, hence '.'.)
 */
export const jobIds = {
  /** A repeatable job's scheduler: one per queue and job name, whichever matcher upserts it. */
  scheduler: <Q extends QueueName>(queue: Q, job: JobName<Q>) => `${queue}.${job}`,
  /**
   * One matching run per household and assessment, however often it is enqueued; a new
   * assessment gets a new run even while the last run's job is still kept (24 h).
   */
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
  /** Re-matched after Redis lost its data: once per household and state of its open needs. */
  matchHouseholdRecovery: (householdId: string, stamp: string) =>
    `match-household.${householdId}.recovery.${stamp}`,
  /** A household re-matched for the needs a check-in opened: once per check-in. */
  matchHouseholdAfterCheckIn: (householdId: string, checkInId: string) =>
    `match-household.${householdId}.check-in.${checkInId}`,
  /** A household re-matched because a need's money gap was set: once per change (its time). */
  matchHouseholdAfterGap: (householdId: string, needId: string, changedAt: Date) =>
    `match-household.${householdId}.gap.${needId}.${changedAt.getTime()}`,
  /** A household re-matched in its new community: once per move. */
  matchHouseholdAfterMove: (householdId: string, moveId: string) =>
    `match-household.${householdId}.move.${moveId}`,
  /** One delayed close per tender and deadline. */
  closeBidding: (projectId: string, closesAt: Date) =>
    `close-bidding.${projectId}.${closesAt.getTime()}`,
  /** A need re-queued because its referral ended (declined, expired, closed unresolved). */
  matchHouseholdAfterReferral: (householdId: string, referralId: string, status: string) =>
    `match-household.${householdId}.referral.${referralId}.${status}`,
  /** One job per delivery row (a redelivered event finds the row and adds nothing). */
  deliverWebhook: (deliveryId: string) => `deliver-webhook.${deliveryId}`,
  /** One e-mail per event and recipient. */
  mailForEvent: (eventId: string, userId: string) => `send-mail.${eventId}.${userId}`,
  /** One run per import row (the sweep re-adding it while the job lives adds nothing). */
  householdImport: (importId: string) => `run-household-import.${importId}`,
  /** The same for a roll imported into the assistance ledger. */
  assistanceImport: (importId: string) => `run-assistance-import.${importId}`,
};

/** How a repeatable job repeats: every so many milliseconds, or on a cron pattern. */
export type JobRepeat = { every: number } | { pattern: string; tz?: string };

/** One repeatable job: its name, how it repeats, its payload and any job options. */
export type JobSchedule<Q extends QueueName> = {
  [J in JobName<Q>]: {
    job: J;
    repeat: JobRepeat;
    data: JobPayload<Q, J>;
    opts?: { attempts?: number };
  };
}[JobName<Q>];

/**
 * The matcher's repeatable jobs, registered from this table at start (schedulers are upserted
 * under {@link jobIds.scheduler}, so matchers starting together keep one each). `every` also
 * runs once at start, which the recovery sweeps rely on.
 */
export const JOB_SCHEDULES: { [Q in QueueName]: ReadonlyArray<JobSchedule<Q>> } = {
  maintenance: [
    // One attempt: a missed beat is reported by the next one, not retried.
    {
      job: 'heartbeat',
      repeat: { every: 30_000 },
      data: { scheduledBy: 'matcher' },
      opts: { attempts: 1 },
    },
    { job: 'prune-login-failures', repeat: { every: 15 * 60_000 }, data: {} },
    // Only for space: an expired key is taken over on its next use whether pruned or not.
    { job: 'prune-idempotency-keys', repeat: { every: 60 * 60_000 }, data: {} },
    // Hourly: a resource lapses within an hour of its last day.
    { job: 'expire-resources', repeat: { every: 60 * 60_000 }, data: {} },
    { job: 'complete-exits', repeat: { every: 60 * 60_000 }, data: {} },
    // The outbox sweep: completed assessments whose matching job never reached Redis.
    { job: 'enqueue-pending-matches', repeat: { every: 5 * 60_000 }, data: {} },
    // A matcher coming back after a Redis loss re-queues unmatched needs at once; the interval
    // is MATCH_RECONCILE_SECONDS (this is its default).
    { job: 'reconcile-matching', repeat: { every: 10 * 60_000 }, data: {} },
    { job: 'sla-sweep', repeat: { every: 5 * 60_000 }, data: {} },
    { job: 'staff-deadlines-sweep', repeat: { every: 5 * 60_000 }, data: {} },
    // Daily, 08:00 in China: the reminders look a week ahead, so a day's delay loses nothing.
    {
      job: 'household-reminders',
      repeat: { pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
      data: {},
    },
    // Behind each tender's delayed close-bidding job: catches one lost with Redis.
    { job: 'close-due-bidding', repeat: { every: 60_000 }, data: {} },
    // Behind each delivery's job: catches those lost with Redis.
    { job: 'requeue-webhook-deliveries', repeat: { every: 5 * 60_000 }, data: {} },
    // Behind each import's job: catches those lost with Redis.
    { job: 'requeue-household-imports', repeat: { every: 5 * 60_000 }, data: {} },
    // Plans follow their referrals within minutes (a plan's read also syncs its case first).
    { job: 'sync-case-plans', repeat: { every: 5 * 60_000 }, data: {} },

    // Hourly (and at start): idempotent, and a revisit date set by an assessment shows up soon.
    { job: 'schedule-case-visits', repeat: { every: 60 * 60_000 }, data: {} },
    // Behind each roll import's job: catches those lost with Redis.
    { job: 'requeue-assistance-imports', repeat: { every: 5 * 60_000 }, data: {} },
    // Days-long deadlines: every 15 minutes is prompt enough (reads show overdue at once).
    { job: 'follow-up-sweep', repeat: { every: 15 * 60_000 }, data: {} },
    // relief: grants — decisions are due within hours: a deadline is escalated within 5 minutes.
    { job: 'grant-decisions-sweep', repeat: { every: 5 * 60_000 }, data: {} },
    // relief: leads. A deadline of hours: five minutes late at most.
    { job: 'lead-triage-sweep', repeat: { every: 5 * 60_000 }, data: {} },
  ],
  matching: [],
  webhooks: [],
  mail: [],
  // The outbox sweep is the delivery path itself (emitters know no queue), so it runs often;
  // one attempt: the next sweep is the retry.
  notifications: [
    { job: 'dispatch-events', repeat: { every: 3_000 }, data: {}, opts: { attempts: 1 } },
  ],
  imports: [],
};

/**
 * A queue's schedules with some `every` intervals replaced by configured ones (the reconcile
 * sweep's interval is MATCH_RECONCILE_SECONDS).
 */
export function schedulesWithEvery<Q extends QueueName>(
  queue: Q,
  everyMs: Partial<Record<JobName<Q>, number>>,
): Array<JobSchedule<Q>> {
  return JOB_SCHEDULES[queue].map((s) => {
    const every = everyMs[s.job as JobName<Q>];
    return every === undefined ? s : { ...s, repeat: { every } };
  });
}

/**
 * The schedules whose scheduler is missing from Redis, or there with another repeat (a flush or
 * a failover to an empty replica loses them all; nothing else puts them back).
 */
export function schedulesToRestore<Q extends QueueName>(
  queue: Q,
  wanted: ReadonlyArray<JobSchedule<Q>>,
  present: ReadonlyArray<{ key: string; every?: number | null; pattern?: string | null }>,
): Array<JobSchedule<Q>> {
  const byKey = new Map(present.map((p) => [p.key, p]));
  return wanted.filter((s) => {
    const found = byKey.get(jobIds.scheduler(queue, s.job as JobName<Q>));
    if (!found) return true;
    return 'every' in s.repeat
      ? Number(found.every) !== s.repeat.every
      : found.pattern !== s.repeat.pattern;
  });
}

/** Jobs per addBulk call when a resource fans out to households. */
export const FAN_OUT_BATCH = 1_000;
/** BullMQ priorities: lower runs first. Emergency households take the green channel. */
export const MATCH_PRIORITY = { emergency: 1, normal: 10 } as const;
