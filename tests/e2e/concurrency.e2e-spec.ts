import { NeedsRepository } from '@onedoor/households';
import { MatchRunService, ReferralsService } from '@onedoor/matching';
import { Clock } from '@onedoor/platform';
import { eventually } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';

type NeedView = {
  needId: string;
  status: string;
  unmetReasons: string[] | null;
  proposals: Array<{ id: string; needId: string; resourceId: string; status: string }>;
};

/**
 * Concurrent writers on one need, and reads racing the matcher. Matching runs in this process
 * (MatchRunService, the code the matcher process runs) so that each write happens exactly when
 * the test needs it; no matcher process consumes the jobs the API queues.
 */
describe('Concurrency and consistency (e2e)', () => {
  let ctx: TestContext;
  let runner: MatchRunService;

  beforeAll(async () => {
    ctx = await startApi();
    runner = ctx.app.get(MatchRunService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await ctx.close();
  });

  /** A district, its assessor and `resources` published legal-aid resources in community A. */
  async function scenario(resources: number) {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { provider, token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const ids: string[] = [];
    for (let i = 0; i < resources; i += 1) {
      const r = await ctx.factory.resource(provider, tree.communityA, {
        categoryCode: 'legal_aid',
        capacity: 100,
      });
      ids.push(r.id);
    }
    return { tree, assessor, providerToken, resourceIds: ids };
  }

  /** Three resources, three staff members of the district, and a new need each call. */
  async function threeWays() {
    const s = await scenario(3);
    const staff: string[] = [];
    for (let i = 0; i < 3; i += 1) staff.push(await ctx.tokenFor('civil_affairs', s.tree.district));
    /** A new household's legal-aid need, matched: its three proposals, best first. */
    const needWithProposals = async () => {
      const { household } = await ctx.assessedHousehold(s.assessor, s.tree.communityA, {
        legal_dispute: true,
      });
      await runner.run(household.id);
      const proposals: Array<{ id: string; needId: string }> = await ctx.dataSource.query(
        `SELECT id, need_id AS "needId" FROM match_proposal
          WHERE household_id = $1 AND status = 'proposed' ORDER BY rank`,
        [household.id],
      );
      expect(proposals).toHaveLength(3);
      expect(new Set(proposals.map((p) => p.needId)).size).toBe(1);
      return proposals;
    };
    return { s, staff, needWithProposals };
  }

  const stateOf = async (needId: string) =>
    (
      await ctx.dataSource.query(
        `SELECT count(*) FILTER (WHERE m.status = 'approved')::int AS approved,
                count(*) FILTER (WHERE m.status = 'superseded')::int AS superseded,
                count(*) FILTER (WHERE m.status = 'rejected')::int AS rejected,
                (SELECT count(*) FROM referral r WHERE r.need_id = $1)::int AS referrals
           FROM match_proposal m WHERE m.need_id = $1`,
        [needId],
      )
    )[0];

  const SUPERSEDED = {
    statusCode: 409,
    error: 'Conflict',
    code: 'MATCH_NOT_PROPOSED',
    message: expect.any(String),
    details: { status: 'superseded' },
  };

  it('approving different proposals of one need at once: one 201, the others 409, no deadlock', async () => {
    const { staff, needWithProposals } = await threeWays();
    const before = await ctx.deadlocks();

    for (let round = 0; round < 6; round += 1) {
      const proposals = await needWithProposals();

      const answers = await Promise.all(
        proposals.map((p, i) =>
          ctx.http.post(`/api/matches/${p.id}/approve`).set('Authorization', staff[i]),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: [201, 409, 409] });
      for (const loser of answers.filter((a) => a.status === 409))
        expect(loser.body).toEqual(SUPERSEDED);
      expect(await stateOf(proposals[0].needId)).toEqual({
        approved: 1,
        superseded: 2,
        rejected: 0,
        referrals: 1,
      });
    }

    expect(await ctx.deadlocks()).toBe(before);
  });

  it('an approval racing rejections of the same need: the approval wins or waits, no deadlock', async () => {
    const { staff, needWithProposals } = await threeWays();
    const before = await ctx.deadlocks();

    for (let round = 0; round < 4; round += 1) {
      const [approved, ...others] = await needWithProposals();
      const [approval, ...rejections] = await Promise.all([
        ctx.http.post(`/api/matches/${approved.id}/approve`).set('Authorization', staff[0]),
        ...others.map((p, i) =>
          ctx.http
            .post(`/api/matches/${p.id}/reject`)
            .set('Authorization', staff[i + 1])
            .send({ reason: 'the household prefers another' }),
        ),
      ]);
      expect({ round, approval: approval.status }).toEqual({ round, approval: 201 });
      // A rejection committed before the approval stands; one after it finds the proposal superseded.
      for (const r of rejections) {
        if (r.status === 409) expect(r.body).toEqual(SUPERSEDED);
        else expect({ round, rejection: r.status }).toEqual({ round, rejection: 200 });
      }
      const rejected = rejections.filter((r) => r.status === 200).length;
      expect(await stateOf(approved.needId)).toEqual({
        approved: 1,
        superseded: 2 - rejected,
        rejected,
        referrals: 1,
      });
    }

    expect(await ctx.deadlocks()).toBe(before);
  });

  describe('one lock order: the need first', () => {
    /**
     * Holds the need's row lock in a transaction of its own while `act` runs; once `act`
     * waits for it, reports which of `rows` `act` had locked already, then lets it finish.
     */
    async function whileNeedHeld<T>(
      needId: string,
      act: () => Promise<T>,
      rows: Record<string, { table: 'match_proposal' | 'referral' | 'resource'; id: string }>,
    ): Promise<{ result: T; lockedFirst: string[] }> {
      const holder = ctx.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      let pending: Promise<T> | undefined;
      const lockedFirst: string[] = [];
      try {
        await holder.query(`SELECT id FROM need WHERE id = $1 FOR UPDATE`, [needId]);
        pending = act();
        await eventually(
          async () =>
            (
              await ctx.dataSource.query(
                `SELECT 1 FROM pg_stat_activity
                  WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).length > 0,
          10_000,
          'the transaction to wait for the need',
        );
        for (const [name, { table, id }] of Object.entries(rows)) {
          const free = await ctx.dataSource.query(
            `SELECT id FROM ${table} WHERE id = $1 FOR UPDATE SKIP LOCKED`,
            [id],
          );
          if (free.length === 0) lockedFirst.push(name);
        }
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      return { result: await pending, lockedFirst };
    }

    it('a rejection and an approval lock the need before the proposal', async () => {
      const { staff, needWithProposals } = await threeWays();
      const [best, second] = await needWithProposals();
      const rejected = await whileNeedHeld(
        best.needId,
        async () =>
          ctx.http
            .post(`/api/matches/${second.id}/reject`)
            .set('Authorization', staff[0])
            .send({ reason: 'not suitable' }),
        { proposal: { table: 'match_proposal', id: second.id } },
      );
      expect(rejected.lockedFirst).toEqual([]);
      expect(rejected.result.status).toBe(200);
      const approved = await whileNeedHeld(
        best.needId,
        async () => ctx.http.post(`/api/matches/${best.id}/approve`).set('Authorization', staff[0]),
        { proposal: { table: 'match_proposal', id: best.id } },
      );
      expect(approved.lockedFirst).toEqual([]);
      expect(approved.result.status).toBe(201);
    });

    /** An open referral: the best of a new need's three proposals, approved. */
    async function openReferral() {
      const w = await threeWays();
      const [best] = await w.needWithProposals();
      const approved = await ctx.http
        .post(`/api/matches/${best.id}/approve`)
        .set('Authorization', w.staff[0])
        .expect(201);
      const referral = approved.body as { id: string; resourceId: string; acceptDueAt: string };
      return { ...w, needId: best.needId, referral };
    }

    it('a decline locks the need before the referral and the resource', async () => {
      const { s, needId, referral } = await openReferral();
      const declined = await whileNeedHeld(
        needId,
        async () =>
          ctx.http
            .post(`/api/referrals/${referral.id}/decline`)
            .set('Authorization', s.providerToken)
            .send({ reason: 'capacity' }),
        {
          referral: { table: 'referral', id: referral.id },
          resource: { table: 'resource', id: referral.resourceId },
        },
      );
      expect(declined.lockedFirst).toEqual([]);
      expect(declined.result.status).toBe(200);
    });

    it('the SLA sweep locks the needs of the referrals it expires before them and their resources', async () => {
      const { needId, referral } = await openReferral();
      const sweeper = ctx.app.get(ReferralsService);
      const hoursAfterDue = (h: number) =>
        new Date(new Date(referral.acceptDueAt).getTime() + h * 3600_000);
      const clock = jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(hoursAfterDue(1));
      await sweeper.sweep(); // overdue and escalated
      clock.mockReturnValue(hoursAfterDue(ctx.config.referrals.expireAfterOverdueHours + 1));
      const swept = await whileNeedHeld(needId, () => sweeper.sweep(), {
        referral: { table: 'referral', id: referral.id },
        resource: { table: 'resource', id: referral.resourceId },
      });
      expect(swept.lockedFirst).toEqual([]);
      expect(swept.result.expired).toBeGreaterThanOrEqual(1);
      const [row] = await ctx.dataSource.query(`SELECT status FROM referral WHERE id = $1`, [
        referral.id,
      ]);
      expect(row.status).toBe('expired');
    });
  });

  describe('GET /api/households/:id/matches while the matcher writes a run', () => {
    /** One need, one resource: published, it is proposed; paused, the re-run supersedes it. */
    async function toggled() {
      const s = await scenario(1);
      const [resourceId] = s.resourceIds;
      const { household } = await ctx.assessedHousehold(s.assessor, s.tree.communityA, {
        legal_dispute: true,
      });
      let published = true;
      await runner.run(household.id);
      /** Pauses or re-publishes the resource and lets a matching run write what follows. */
      const flip = async () => {
        published = !published;
        await ctx.dataSource.query(`UPDATE resource SET status = $2 WHERE id = $1`, [
          resourceId,
          published ? 'published' : 'paused',
        ]);
        await runner.run(household.id);
      };
      const read = async () =>
        (
          await ctx.http
            .get(`/api/households/${household.id}/matches`)
            .set('Authorization', s.assessor)
            .expect(200)
        ).body as NeedView[];
      return { household, resourceId, flip, read };
    }

    /** Each need's status agrees with its proposals: one run's writes, all or none of them. */
    function expectOneRun(view: NeedView[]) {
      const legal = view.filter((n) => n.proposals.length > 0);
      expect(legal).toHaveLength(1);
      for (const n of view) {
        const live = n.proposals.filter((p) => p.status === 'proposed');
        expect({ need: n.status, live: live.length }).toEqual(
          n.status === 'matched' ? { need: 'matched', live: 1 } : { need: n.status, live: 0 },
        );
        expect(n.proposals.every((p) => p.needId === n.needId)).toBe(true);
      }
    }

    it('reads the needs and their proposals in one snapshot, though a run commits between them', async () => {
      const t = await toggled();
      expectOneRun(await t.read());
      // A run commits right when the needs are read: before the change the proposals were read
      // from another moment, and the need showed `open` beside its live proposal.
      const original = NeedsRepository.prototype.ofHousehold;
      jest.spyOn(NeedsRepository.prototype, 'ofHousehold').mockImplementationOnce(async function (
        this: NeedsRepository,
        ...args
      ) {
        await t.flip();
        return original.apply(this, args);
      });
      const view = await t.read();
      expect(NeedsRepository.prototype.ofHousehold).toHaveBeenCalled();
      expectOneRun(view);
      expect(view.find((n) => n.proposals.length > 0)!.status).toBe('open');
    });

    it('never shows half a run to readers racing repeated runs', async () => {
      const t = await toggled();
      const views: NeedView[][] = [];
      let writing = true;
      const writer = (async () => {
        for (let i = 0; i < 12; i += 1) await t.flip();
        writing = false;
      })();
      const reader = async () => {
        while (writing) views.push(await t.read());
      };
      await Promise.all([writer, reader(), reader(), reader()]);
      expect(views.length).toBeGreaterThan(0);
      for (const view of views) expectOneRun(view);
    });
  });
});
