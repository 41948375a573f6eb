import { Queue } from 'bullmq';
import { JOB_SCHEDULES, jobIds, QUEUES } from '@onedoor/platform';
import { eventually, startMatcherProcess } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';
import { startThrowawayRedis } from './support/throwaway-redis';

const HOUSEHOLDS = 40;

describe('A Redis flushed under the matcher (e2e)', () => {
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
  let ctx: TestContext;
  let matcher: ReturnType<typeof startMatcherProcess>;
  let matching: Queue;
  let maintenance: Queue;
  let notifications: Queue;
  let newSupply: { id: string } | undefined;

  beforeAll(async () => {
    // Its own redis-server: the test flushes it, which the run's shared Redis must never see.
    redis = await startThrowawayRedis();
    const env = { REDIS_URL: redis.url };
    ctx = await startApi(env);
    const connection = { url: redis.url };
    const prefix = ctx.config.redis.queuePrefix;
    matching = new Queue(QUEUES.matching, { connection, prefix });
    maintenance = new Queue(QUEUES.maintenance, { connection, prefix });
    notifications = new Queue(QUEUES.notifications, { connection, prefix });
    // One household at a time, so that a flush lands while most are still waiting; the
    // scheduler check and the reconciler on short intervals, so the test need not wait minutes.
    matcher = startMatcherProcess({
      ...env,
      MATCH_CONCURRENCY: '1',
      MATCH_BATCH_SIZE: '1',
      MATCH_BATCHES_IN_FLIGHT: '1',
      SCHEDULE_CHECK_SECONDS: '1',
      MATCH_RECONCILE_SECONDS: '2',
    });
    await matcher.ready();
  });

  afterAll(async () => {
    // The run's database is shared by the specs: other specs expect no rehabilitation supply.
    if (newSupply)
      await ctx.dataSource.query(`UPDATE resource SET status = 'closed' WHERE id = $1`, [
        newSupply.id,
      ]);
    await matcher?.stop();
    await matching?.close();
    await maintenance?.close();
    await notifications?.close();
    await ctx?.close();
    await redis?.stop();
  });

  const needsOf = (householdIds: string[]) =>
    ctx.dataSource.query(
      `SELECT status, last_matched_at IS NOT NULL AS looked FROM need WHERE household_id = ANY($1)`,
      [householdIds],
    ) as Promise<Array<{ status: string; looked: boolean }>>;

  it('puts the schedules back and matches every household whose job the flush lost', async () => {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const provider = await ctx.newProvider(tree.district);
    await ctx.factory.resource(provider, tree.district, {
      categoryCode: 'legal_aid',
      capacity: 1000,
    });
    const register = async (count: number, answers: Record<string, unknown>) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 8) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(8, count - i) }, () =>
            ctx.assessedHousehold(assessor, tree.communityA, answers),
          ),
        );
        ids.push(...batch.map((b) => b.household.id as string));
      }
      return ids;
    };

    // Matched once already, with nothing to offer them: their needs are open and looked at.
    const waiting = await register(6, { needs_rehabilitation: true });
    await eventually(
      async () => (await needsOf(waiting)).every((n) => n.looked),
      20_000,
      'the first run of the rehabilitation households',
    );

    // A backlog: the workers hold off while the batch registers, then start on it.
    await matching.pause();
    const ids = await register(HOUSEHOLDS, { legal_dispute: true });
    const queued = await matching.getJobCounts('waiting', 'prioritized');
    expect(Object.values(queued).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(HOUSEHOLDS);
    await matching.resume();
    await eventually(
      async () => (await needsOf(ids)).filter((n) => n.looked).length >= 3,
      20_000,
      'the first households matched',
    );
    // New supply for the rehabilitation households whose fan-out job the flush takes with it
    // (written directly: no job at all, as after the flush).
    newSupply = await ctx.factory.resource(provider, tree.district, {
      categoryCode: 'rehabilitation',
      capacity: 1000,
    });
    await redis.client.flushall();

    // The flush hit mid-batch: households whose job was lost are not matched yet.
    const atFlush = await needsOf(ids);
    expect(atFlush.filter((n) => !n.looked).length).toBeGreaterThan(0);

    // The schedulers come back without a restart …
    const wanted = JOB_SCHEDULES.maintenance.map((s) => jobIds.scheduler('maintenance', s.job));
    await eventually(
      async () => {
        const keys = (await maintenance.getJobSchedulers(0, -1)).map((s) => s.key);
        return wanted.every((k) => keys.includes(k));
      },
      15_000,
      'the job schedulers to be re-created',
    );
    // The outbox sweep too: without it no notification would go out until a restart.
    await eventually(
      async () =>
        (await notifications.getJobSchedulers(0, -1)).some(
          (s) => s.key === jobIds.scheduler('notifications', 'dispatch-events'),
        ),
      15_000,
      'the notifications sweep to be re-created',
    );
    expect(matcher.output()).toMatch(/job schedulers missing from Redis, re-created/);
    // … the households the flush left unmatched are matched, and so are those whose new
    // supply's fan-out was lost.
    const after = await eventually(
      async () => {
        const needs = await needsOf([...ids, ...waiting]);
        return needs.every((n) => n.status === 'matched') ? needs : undefined;
      },
      30_000,
      `all ${HOUSEHOLDS + waiting.length} households matched after the flush`,
    );
    expect(after).toHaveLength(HOUSEHOLDS + waiting.length);
    expect(matcher.output()).toMatch(/Redis lost its data: \d+ households with open needs queued/);
    expect(matcher.child.exitCode).toBeNull();
  });
});
