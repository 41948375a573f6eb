import { Queue } from 'bullmq';
import { getQueueToken } from '@nestjs/bullmq';
import { AuditLogRepository, jobIds, QUEUES } from '@onedoor/platform';
import { MatchRunRepository, MatchRunService } from '@onedoor/matching';
import { eventually, withMatcher } from './support/matcher-process';
import { CALM_ANSWERS, startApi, TestContext } from './support/test-app';

type NeedView = {
  needId: string;
  categoryCode: string;
  status: string;
  unmetReasons: string[] | null;
  proposals: Array<{ id: string; resourceId: string; explanation: unknown[]; rank: number }>;
  rejected: Array<{ resourceId: string; reason: string; failed?: unknown[] }>;
};

describe('Matching through the queue and the matcher process (e2e)', () => {
  let ctx: TestContext;
  withMatcher();
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staff: string;
  let assessor: string;
  let provider: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    staff = await ctx.tokenFor('civil_affairs', tree.district);
    assessor = await ctx.tokenFor('assessor', tree.streetA);
    provider = (await ctx.newProviderWithUser(tree.district)).token;
  });
  afterAll(async () => {
    await ctx.close();
  });

  const matchesOf = async (householdId: string) =>
    (
      await ctx.http
        .get(`/api/households/${householdId}/matches`)
        .set('Authorization', assessor)
        .expect(200)
    ).body as NeedView[];

  it('completing an assessment produces explained proposals and records unmet needs with reasons', async () => {
    const eligible = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'legal_aid',
      title: '法律援助（测试）',
    });
    const tooOld = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'legal_aid',
      eligibility: { memberAge: { min: 80 } },
    });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      legal_dispute: true,
      needs_rehabilitation: true,
    });

    const view = await eventually(
      async () => {
        const needs = await matchesOf(household.id);
        return needs.every((n) => n.categoryCode !== 'legal_aid' || n.proposals.length > 0) &&
          needs.every((n) => n.status !== 'open' || n.unmetReasons)
          ? needs
          : undefined;
      },
      20_000,
      'proposals from the matcher',
    );
    const legal = view.find((n) => n.categoryCode === 'legal_aid')!;
    expect(legal.status).toBe('matched');
    expect(legal.proposals.map((p) => p.resourceId)).toEqual([eligible.id]);
    expect(legal.proposals[0].explanation).toHaveLength(6);
    expect(legal.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resourceId: tooOld.id,
          reason: 'ELIGIBILITY',
          failed: [expect.objectContaining({ rule: 'memberAge', expected: { min: 80 } })],
        }),
      ]),
    );
    const rehab = view.find((n) => n.categoryCode === 'rehabilitation')!;
    expect(rehab).toMatchObject({
      status: 'open',
      proposals: [],
      unmetReasons: ['NO_RESOURCE_IN_CATEGORY'],
    });

    // Civil-affairs staff find it in their queue; an assessor may not list proposals.
    const queue = await ctx.http
      .get(`/api/matches?householdId=${household.id}`)
      .set('Authorization', staff);
    expect(queue.body.items.map((m: { resourceId: string }) => m.resourceId)).toEqual([
      eligible.id,
    ]);
    const detail = await ctx.http
      .get(`/api/matches/${queue.body.items[0].id}`)
      .set('Authorization', staff);
    expect(detail.body.explanation.map((e: { factor: string }) => e.factor)).toEqual([
      'level',
      'severity',
      'urgency',
      'rating',
      'capacity',
      'valueFit',
    ]);
    await ctx.http.get('/api/matches').set('Authorization', assessor).expect(403);
    const otherStreet = await ctx.tokenFor('civil_affairs', tree.streetB);
    const hidden = await ctx.http
      .get(`/api/matches?householdId=${household.id}`)
      .set('Authorization', otherStreet);
    expect(hidden.body.items).toEqual([]);
  });

  it('a run that fails after writing its proposals and is retried leaves no duplicates', async () => {
    await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'psychological',
    });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      mental_distress: 'severe',
    });
    await eventually(
      async () => (await matchesOf(household.id)).some((n) => n.proposals.length > 0),
      20_000,
      'first proposals',
    );
    const count = async () =>
      Number(
        (
          await ctx.dataSource.query(
            `SELECT count(*) AS n FROM match_proposal WHERE household_id = $1`,
            [household.id],
          )
        )[0].n,
      );
    const before = await count();

    const sut = ctx.app.get(MatchRunService);
    const crash = jest
      .spyOn(AuditLogRepository.prototype, 'insertMany')
      .mockRejectedValueOnce(new Error('crash after writing'));
    await ctx.dataSource.query(`UPDATE need SET status = 'open' WHERE household_id = $1`, [
      household.id,
    ]);
    await expect(sut.run(household.id)).rejects.toThrow('crash after writing');
    crash.mockRestore();
    await sut.run(household.id);
    await sut.run(household.id);
    expect(await count()).toBe(before);
  });

  it('matches households that arrive together in one batch; a failing one fails alone', async () => {
    await ctx.publishedResource(provider, staff, tree.communityA, { categoryCode: 'legal_aid' });
    const households = [];
    for (let i = 0; i < 3; i += 1) {
      households.push(
        (await ctx.assessedHousehold(assessor, tree.communityA, { legal_dispute: true })).household,
      );
    }
    const ids = households.map((h) => h.id);
    // Let the matcher process finish their own jobs first, then make them unmatched again.
    await eventually(
      async () =>
        (
          await ctx.dataSource.query(
            `SELECT 1 FROM need WHERE household_id = ANY($1) AND last_matched_at IS NULL`,
            [ids],
          )
        ).length === 0,
      20_000,
      'the matcher process to match them',
    );
    await ctx.dataSource.query(
      `UPDATE need SET status = 'open', last_matched_at = NULL WHERE household_id = ANY($1)`,
      [ids],
    );
    const load = jest.spyOn(MatchRunRepository.prototype, 'loadInputs');
    const original = MatchRunRepository.prototype.persist;
    const persist = jest.spyOn(MatchRunRepository.prototype, 'persist');
    persist.mockImplementation(function (this: MatchRunRepository, manager, runs, at) {
      if (runs.some((r) => r.input.household.id === ids[1]))
        return Promise.reject(new Error('bad household'));
      return original.call(this, manager, runs, at);
    });
    try {
      const sut = ctx.app.get(MatchRunService);
      const outcomes = await Promise.allSettled(ids.map((id) => sut.run(id)));
      // One load for the three (the failed batch is then retried one household at a time).
      expect(load.mock.calls[0][0]).toEqual(ids);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(outcomes[0]).toMatchObject({ value: { householdId: ids[0], needs: 1 } });
    } finally {
      load.mockRestore();
      persist.mockRestore();
    }
    const unmatched = await ctx.dataSource.query(
      `SELECT household_id AS id FROM need WHERE household_id = ANY($1) AND last_matched_at IS NULL`,
      [ids],
    );
    expect(unmatched.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
  });

  it('refuses a second cash benefit of the same category, saying so in the rejected list', async () => {
    const first = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'basic_living',
      form: 'cash',
      valuePerUnitFen: 100_000,
    });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      basic_needs_unmet: true,
    });
    const proposal = await eventually(
      async () =>
        (await matchesOf(household.id))
          .flatMap((n) => n.proposals)
          .find((p) => p.resourceId === first.id),
      20_000,
      'the first cash proposal',
    );
    // Civil-affairs staff approve it: the household now receives that cash benefit.
    await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', staff)
      .expect(201);
    const second = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'basic_living',
      form: 'cash',
      valuePerUnitFen: 120_000,
    });
    const h2 = await ctx.http
      .post(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessor)
      .send({});
    await ctx.http
      .patch(`/api/assessments/${h2.body.id}`)
      .set('Authorization', assessor)
      .send({ answers: { ...CALM_ANSWERS, basic_needs_unmet: true } });
    await ctx.http
      .post(`/api/assessments/${h2.body.id}/complete`)
      .set('Authorization', assessor)
      .send({})
      .expect(200);
    const view = await eventually(
      async () => {
        const needs = (await matchesOf(household.id)).filter(
          (n) => n.categoryCode === 'basic_living' && n.status !== 'withdrawn',
        );
        return needs.find((n) => n.rejected.some((r) => r.resourceId === second.id));
      },
      20_000,
      'the re-match of the new assessment',
    );
    expect(view.rejected.find((r) => r.resourceId === second.id)).toMatchObject({
      reason: 'DUPLICATE_ASSISTANCE',
    });
    expect(view.proposals.map((p) => p.resourceId)).not.toContain(second.id);
  });

  it('publishing a resource re-matches the households with open needs it covers, and only those', async () => {
    const inside = await ctx.assessedHousehold(assessor, tree.communityA, {
      unemployed_able_members: 1,
    });
    const assessorB = await ctx.tokenFor('assessor', tree.streetB);
    const outside = await ctx.assessedHousehold(assessorB, tree.communityB, {
      unemployed_able_members: 1,
    });
    const employmentOf = async (id: string, token: string) =>
      (
        (await ctx.http.get(`/api/households/${id}/matches`).set('Authorization', token))
          .body as NeedView[]
      ).find((n) => n.categoryCode === 'employment')!;
    await eventually(
      async () => (await employmentOf(inside.household.id, assessor)).unmetReasons,
      20_000,
      'the first (unmet) run',
    );
    await eventually(
      async () => (await employmentOf(outside.household.id, assessorB)).unmetReasons,
      20_000,
      'the first run elsewhere',
    );
    const [before] = await ctx.dataSource.query(
      `SELECT last_matched_at FROM need WHERE household_id = $1 AND category_code = 'employment'`,
      [outside.household.id],
    );

    const job = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'employment',
      title: '就业辅导（测试）',
    });
    const matched = await eventually(
      async () => {
        const n = await employmentOf(inside.household.id, assessor);
        return n.proposals.length > 0 ? n : undefined;
      },
      20_000,
      'the re-match after publishing',
    );
    expect(matched.proposals.map((p) => p.resourceId)).toEqual([job.id]);
    // The fan-out has run (the inside household's job exists, kept after completion); it made
    // no job for the household outside the coverage.
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.matching));
    const fanOutJob = (householdId: string) =>
      queue.getJob(jobIds.matchHouseholdFor(householdId, job.id, `v${job.version}`));
    expect(await fanOutJob(inside.household.id)).toBeDefined();
    expect(await fanOutJob(outside.household.id)).toBeUndefined();
    const [after] = await ctx.dataSource.query(
      `SELECT last_matched_at FROM need WHERE household_id = $1 AND category_code = 'employment'`,
      [outside.household.id],
    );
    expect(after.last_matched_at).toEqual(before.last_matched_at);
  });

  it('re-queues open needs after Redis lost their jobs (reconciler)', async () => {
    await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'social_integration',
    });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      social_isolation: 'severe',
    });
    await eventually(
      async () => (await matchesOf(household.id)).some((n) => n.proposals.length > 0),
      20_000,
      'first proposals',
    );

    // As if Redis had been flushed before the matcher got to it: no job, nothing matched.
    const queue = new Queue(QUEUES.matching, {
      connection: { url: process.env.REDIS_URL! },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
    await ctx.dataSource.query(`DELETE FROM match_proposal WHERE household_id = $1`, [
      household.id,
    ]);
    await ctx.dataSource.query(
      `UPDATE need SET status = 'open', last_matched_at = NULL, unmet_reasons = NULL WHERE household_id = $1 AND status <> 'withdrawn'`,
      [household.id],
    );

    expect(await ctx.app.get(MatchRunService).reconcile()).toBeGreaterThanOrEqual(1);
    const view = await eventually(
      async () => {
        const needs = await matchesOf(household.id);
        return needs.some((n) => n.proposals.length > 0) ? needs : undefined;
      },
      20_000,
      'proposals after reconciliation',
    );
    expect(view.find((n) => n.categoryCode === 'social_integration')!.status).toBe('matched');
  });
});
