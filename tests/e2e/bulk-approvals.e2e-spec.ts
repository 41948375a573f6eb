import { MatchRunService } from '@onedoor/matching';
import { startApi, TestContext } from './support/test-app';

type Group = {
  needId: string;
  categoryCode: string;
  proposals: Array<{ id: string; resourceId: string }>;
};
type Result = {
  proposalId: string;
  status: 'approved' | 'refused';
  code?: string;
  referralId?: string;
};

/**
 * "1 family + N resources" as one decision: a household's proposals grouped by need, approved
 * together with a result per item; under contention, never over capacity and no deadlock.
 * Matching runs in this process (MatchRunService).
 */
describe('Bulk approvals of a household’s proposals (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  /** A district with a legal-aid and a basic-living resource of `capacity` each, and households. */
  async function scenario(capacity: number, count: number) {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.district);
    const provider = await ctx.newProvider(tree.district);
    const legal = await ctx.factory.resource(provider, tree.district, {
      categoryCode: 'legal_aid',
      capacity,
    });
    const living = await ctx.factory.resource(provider, tree.district, {
      categoryCode: 'basic_living',
      form: 'cash',
      valuePerUnitFen: 120_000,
      capacity,
    });
    const households: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
        legal_dispute: true,
        basic_needs_unmet: true,
      });
      await ctx.app.get(MatchRunService).run(household.id);
      households.push(household.id);
    }
    return { tree, legal, living, households };
  }

  const groupsOf = async (token: string, householdId: string) =>
    (
      await ctx.http
        .get(`/api/households/${householdId}/proposals`)
        .set('Authorization', token)
        .expect(200)
    ).body as Group[];

  it('groups a household’s open proposals by need and approves one per need, item by item', async () => {
    const s = await scenario(5, 1);
    const staff = await ctx.tokenFor('civil_affairs', s.tree.district);
    const groups = await groupsOf(staff, s.households[0]);
    expect(groups.map((g) => g.categoryCode).sort()).toEqual(['basic_living', 'legal_aid']);
    // Two proposals of one need are refused as a whole (400); so is an empty list.
    const twice = groups[0].proposals[0].id;
    await ctx.http
      .post(`/api/households/${s.households[0]}/approvals`)
      .set('Authorization', staff)
      .send({ items: [{ proposalId: twice }, { proposalId: twice }] })
      .expect(400);
    await ctx.http
      .post(`/api/households/${s.households[0]}/approvals`)
      .set('Authorization', staff)
      .send({ items: [] })
      .expect(400);
    const stranger = '00000000-0000-4000-8000-000000000000';
    const res = await ctx.http
      .post(`/api/households/${s.households[0]}/approvals`)
      .set('Authorization', staff)
      .send({
        items: [
          ...groups.map((g) => ({ proposalId: g.proposals[0].id })),
          { proposalId: stranger },
        ],
        consent: { given: true, by: '户主本人', method: 'written', at: '2026-12-01T08:00:00Z' },
      })
      .expect(200);
    const results = res.body as Result[];
    expect(results.map((r) => r.status)).toEqual(['approved', 'approved', 'refused']);
    expect(results[2]).toMatchObject({ proposalId: stranger, code: 'MATCH_NOT_FOUND' });
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM referral WHERE household_id = $1 AND consent->>'given' = 'true'`,
      [s.households[0]],
    );
    expect(n).toBe(2);
    expect(await groupsOf(staff, s.households[0])).toEqual([]);
    // Staff of another street see no such household.
    await ctx.http
      .get(`/api/households/${s.households[0]}/proposals`)
      .set('Authorization', await ctx.tokenFor('civil_affairs', s.tree.streetB))
      .expect(404);
  });

  it('two officers bulk-approving overlapping households at once: never over capacity, a result per item, no deadlock', async () => {
    const capacity = 2;
    const s = await scenario(capacity, 4);
    const officers = [
      await ctx.tokenFor('civil_affairs', s.tree.district),
      await ctx.tokenFor('civil_affairs', s.tree.district),
    ];
    const plans = await Promise.all(
      s.households.map(async (h) => ({
        h,
        items: (await groupsOf(officers[0], h)).map((g) => ({ proposalId: g.proposals[0].id })),
      })),
    );
    const deadlocksBefore = await ctx.deadlocks();
    // Both officers approve every household, in opposite orders, all at once.
    const calls = officers.flatMap((token, o) =>
      (o === 0 ? plans : [...plans].reverse()).map((p) =>
        ctx.http
          .post(`/api/households/${p.h}/approvals`)
          .set('Authorization', token)
          .send({ items: p.items }),
      ),
    );
    const responses = await Promise.all(calls);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const results = responses.flatMap((r) => r.body as Result[]);
    expect(results).toHaveLength(officers.length * plans.reduce((n, p) => n + p.items.length, 0));
    for (const r of results) {
      if (r.status === 'approved') expect(r.referralId).toEqual(expect.any(String));
      else
        expect([
          'RESOURCE_CAPACITY_EXHAUSTED',
          'MATCH_NOT_PROPOSED',
          'NEED_ALREADY_SERVED',
        ]).toContain(r.code);
    }
    // Each proposal approved at most once; each resource exactly at capacity, never over.
    const approved = results.filter((r) => r.status === 'approved').map((r) => r.proposalId);
    expect(new Set(approved).size).toBe(approved.length);
    expect(approved).toHaveLength(2 * capacity);
    for (const resource of [s.legal, s.living]) {
      const [c] = await ctx.dataSource.query(
        `SELECT capacity, reserved, (SELECT count(*)::int FROM referral WHERE resource_id = $1) AS referrals
           FROM resource WHERE id = $1`,
        [resource.id],
      );
      expect(c).toEqual({ capacity, reserved: capacity, referrals: capacity });
    }
    expect(await ctx.deadlocks()).toBe(deadlocksBefore);
  });
});
