import { Queue } from 'bullmq';
import { jobIds, JOB_SCHEDULES, MatchingQueueProducer, QUEUES } from '@onedoor/platform';
import { MATCH_LOCK_SPACE, MatchRunRepository } from '@onedoor/matching';
import { eventually, startMatcherProcess } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

/**
 * More than one matcher process over one set of queues (docs/operations.md, "Beyond one
 * machine"): the work is shared, nothing is matched twice at once or lost, and the maintenance
 * schedules run once per interval however many processes registered them.
 */
describe('Two matcher processes over one queue (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staff: string;
  let assessor: string;
  let provider: string;
  const connection = { url: process.env.REDIS_URL! };
  const prefix = process.env.QUEUE_PREFIX;
  let maintenance: Queue;
  let matching: Queue;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    staff = await ctx.tokenFor('civil_affairs', tree.district);
    assessor = await ctx.tokenFor('assessor', tree.streetA);
    provider = (await ctx.newProviderWithUser(tree.district)).token;
    maintenance = new Queue(QUEUES.maintenance, { connection, prefix });
    matching = new Queue(QUEUES.matching, { connection, prefix });
    // Earlier files' matchers left their schedules and jobs: this test counts its own.
    await maintenance.obliterate({ force: true });
  });
  afterAll(async () => {
    await maintenance.close();
    await matching.close();
    await ctx.close();
  });

  const neverMatched = async (ids: string[]) =>
    (
      await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM need WHERE household_id = ANY($1) AND last_matched_at IS NULL`,
        [ids],
      )
    )[0].n as number;

  it('share the households: every one matched, no proposal twice, each maintenance job once per interval', async () => {
    const resources: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i += 1)
      resources.push(
        await ctx.publishedResource(provider, staff, tree.communityA, {
          categoryCode: 'legal_aid',
          capacity: 500,
        }),
      );
    // Registered while no matcher runs: their jobs wait in the queue.
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1)
      ids.push(
        (await ctx.assessedHousehold(assessor, tree.communityA, { legal_dispute: true })).household
          .id,
      );
    // A second job for each household (as a resource's fan-out makes): the two processes may
    // pick up the same household at once, which the matching lock serialises.
    await ctx.app.get(MatchingQueueProducer).enqueueHouseholdMatches(
      ids.map((householdId) => ({
        householdId,
        emergency: false,
        jobId: jobIds.matchHouseholdFor(householdId, resources[0].id, 'scale-test'),
      })),
    );

    // Small batches, so the 48 jobs spread over both; a reconcile sweep every 2 s.
    const env = { MATCH_BATCH_SIZE: '3', MATCH_RECONCILE_SECONDS: '2' };
    const started = Date.now();
    const matchers = [startMatcherProcess(env), startMatcherProcess(env)];
    try {
      await Promise.all(matchers.map((m) => m.ready()));
      await eventually(async () => (await neverMatched(ids)) === 0, 60_000, 'every household');
      await eventually(
        async () => (await matching.getJobCounts('wait', 'active', 'prioritized')).wait === 0,
        30_000,
        'the queue to drain',
      );
      // Let the 2-second sweep come round a few times.
      await new Promise((r) => setTimeout(r, 7_000));
    } finally {
      await Promise.all(matchers.map((m) => m.stop()));
    }
    const elapsed = Date.now() - started;

    // Each need has one proposal per resource (top 3 of 4), none twice (the unique index on
    // need, resource and assessment would refuse a second; what this shows is that no run
    // failed on one, and that none is missing).
    const perNeed: Array<{ proposals: number; distinct: number }> = await ctx.dataSource.query(
      `SELECT count(*)::int AS proposals, count(DISTINCT (p.resource_id, p.assessment_id))::int AS distinct
         FROM need n JOIN match_proposal p ON p.need_id = n.id AND p.status = 'proposed'
        WHERE n.household_id = ANY($1) GROUP BY n.id`,
      [ids],
    );
    expect(perNeed).toHaveLength(ids.length);
    for (const row of perNeed) expect(row).toEqual({ proposals: 3, distinct: 3 });

    // Both processes matched households (each logs its totals at shutdown).
    const households = matchers.map((m) => {
      const found = /"households":(\d+)/.exec(m.output());
      return found ? Number(found[1]) : 0;
    });
    expect(households.every((n) => n > 0)).toBe(true);
    expect(households[0] + households[1]).toBeGreaterThanOrEqual(ids.length);

    // Schedules: both processes upserted the same schedulers, so a job whose interval is
    // longer than the test ran once (its run at start), not once per process…
    const completed = await maintenance.getJobs(['completed', 'failed'], 0, -1);
    // When each run was due: a scheduler's job id ends in its slot's milliseconds. (A job's
    // timestamp is when it was created, i.e. when the run before it started, which shifts
    // with how busy the workers were.)
    const runsOf = (job: string) =>
      completed
        .filter((j) => j.name === job)
        .map((j) => Number(/:(\d+)$/.exec(j.id ?? '')?.[1] ?? NaN))
        .sort((a, b) => a - b);
    const long = JOB_SCHEDULES.maintenance.filter(
      (s) => 'every' in s.repeat && s.repeat.every > elapsed && s.job !== 'reconcile-matching',
    );
    expect(long.length).toBeGreaterThan(5);
    for (const s of long)
      expect({ job: s.job, runs: runsOf(s.job).length }).toEqual({ job: s.job, runs: 1 });
    // …and the 2-second sweep ran about once per 2 seconds, never twice in one interval.
    const sweeps = runsOf('reconcile-matching');
    expect(sweeps.length).toBeGreaterThanOrEqual(3);
    expect(sweeps.length).toBeLessThanOrEqual(Math.ceil(elapsed / 2000) + 1);
    expect(sweeps.every(Number.isFinite)).toBe(true);
    for (let i = 1; i < sweeps.length; i += 1)
      expect(sweeps[i] - sweeps[i - 1]).toBeGreaterThanOrEqual(2_000);
  });

  it('a run waits while another holds the household’s matching lock, then reads what it committed', async () => {
    await ctx.publishedResource(provider, staff, tree.communityA, { categoryCode: 'legal_aid' });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      legal_dispute: true,
    });
    const matcher = startMatcherProcess();
    const runner = ctx.dataSource.createQueryRunner();
    try {
      await matcher.ready();
      await eventually(async () => (await neverMatched([household.id])) === 0, 20_000, 'its match');
      await ctx.dataSource.query(
        `UPDATE need SET status = 'open', last_matched_at = NULL WHERE household_id = $1`,
        [household.id],
      );
      // Another run (here: this transaction) holds the household.
      await runner.startTransaction();
      await ctx.app.get(MatchRunRepository).lockForMatching(runner.manager, [household.id]);
      await ctx.app
        .get(MatchingQueueProducer)
        .enqueueHouseholdMatches([
          { householdId: household.id, emergency: false, jobId: `lock-test-${household.id}` },
        ]);
      // The matcher's run is there, waiting on the lock (not merely not picked up yet)…
      await eventually(
        async () =>
          (
            await ctx.dataSource.query(
              `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                  AND classid = $1`,
              [MATCH_LOCK_SPACE],
            )
          )[0].n > 0,
        20_000,
        'a run waiting on the matching lock',
      );
      // …and has written nothing while it waits.
      expect(await neverMatched([household.id])).toBe(1);
      await runner.commitTransaction();
      await eventually(
        async () => (await neverMatched([household.id])) === 0,
        20_000,
        'the run once the lock is free',
      );
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      await matcher.stop();
    }
  });
});
