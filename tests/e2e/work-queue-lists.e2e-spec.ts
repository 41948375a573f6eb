import { MatchRunService } from '@onedoor/matching';
import { Clock } from '@onedoor/platform';
import { newIdNumber, startApi, TestContext } from './support/test-app';

type Item = {
  id: string;
  householdId: string;
  householdName: string | null;
  communityId: string;
  communityName: string;
  tier: string | null;
  deadline: string | null;
  timeLeftSeconds: number | null;
};

/**
 * The approval queue and the referral lists as work queues: the household named, filtered,
 * sorted, paged by cursor. Matching runs in this process (MatchRunService), as in
 * concurrency.e2e-spec.
 */
describe('Work queues: matches and referrals name households (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staff: string;
  let providerToken: string;
  let otherProvider: string;
  const households: Array<{ id: string; name: string; communityId: string }> = [];
  const proposals: string[] = [];

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.district);
    const p = await ctx.newProviderWithUser(tree.district);
    providerToken = p.token;
    otherProvider = (await ctx.newProviderWithUser(tree.district)).token;
    await ctx.factory.resource(p.provider, tree.district, {
      categoryCode: 'legal_aid',
      capacity: 100,
    });
    const runner = ctx.app.get(MatchRunService);
    for (const [name, community] of [
      ['张三丰', tree.communityA],
      ['李四光', tree.communityB],
    ] as const) {
      const body = ctx.householdBody(community, {
        members: [
          { name, relation: 'self', idNumber: newIdNumber('1960-05-05'), employment: 'unemployed' },
        ],
      });
      const { household } = await ctx.assessedHousehold(
        assessor,
        community,
        { legal_dispute: true },
        body,
      );
      await runner.run(household.id);
      households.push({ id: household.id, name, communityId: community.id });
      const [row] = await ctx.dataSource.query(
        `SELECT id FROM match_proposal WHERE household_id = $1 AND status = 'proposed' ORDER BY rank LIMIT 1`,
        [household.id],
      );
      proposals.push(row.id);
    }
  });
  afterAll(() => ctx.close());

  const list = async (path: string, token = staff) =>
    (await ctx.http.get(path).set('Authorization', token).expect(200)).body as {
      items: Item[];
      nextCursor: string | null;
      total?: number;
    };
  const ours = (items: Item[]) =>
    items.filter((i) => households.some((h) => h.id === i.householdId));

  it('names the household, its community and tier in the approval queue; filters and sorts', async () => {
    const all = ours((await list('/api/matches?limit=100&sort=age')).items);
    expect(all.map((m) => m.householdName)).toEqual(['张三丰', '李四光']);
    expect(all[0]).toMatchObject({
      communityId: tree.communityA.id,
      communityName: tree.communityA.name,
      deadline: expect.any(String),
    });
    // About 72 hours left on a fresh proposal (normal urgency).
    expect(all[0].timeLeftSeconds).toBeGreaterThan(71 * 3600);
    expect(all[0].timeLeftSeconds).toBeLessThanOrEqual(72 * 3600);
    expect(all[0].tier).toEqual(expect.any(String));
    const inB = (await list(`/api/matches?limit=100&communityId=${tree.communityB.id}`)).items;
    expect(inB.map((m) => m.householdName)).toEqual(['李四光']);
    const tier = all[0].tier;
    expect(ours((await list(`/api/matches?limit=100&tier=${tier}`)).items)).toHaveLength(
      all.filter((m) => m.tier === tier).length,
    );
    expect(ours((await list('/api/matches?limit=100&category=legal_aid')).items)).toHaveLength(2);
    expect(ours((await list('/api/matches?limit=100&category=medical')).items)).toHaveLength(0);
    // Proposals are due for approval SLA_APPROVAL_HOURS (72) after the run that made them.
    expect(ours((await list('/api/matches?limit=100&dueWithin=24')).items)).toHaveLength(0);
    expect(ours((await list('/api/matches?limit=100&dueWithin=73')).items)).toHaveLength(
      all.length,
    );
    await ctx.http.get('/api/matches?sort=name').set('Authorization', staff).expect(400);
    await ctx.http.get('/api/matches?dueWithin=0').set('Authorization', staff).expect(400);
  });

  it('names the household on a provider’s own referrals only; deadline, time left, sort and pages', async () => {
    for (const id of proposals) {
      await ctx.http.post(`/api/matches/${id}/approve`).set('Authorization', staff).expect(201);
    }
    const mine = await list('/api/referrals?limit=100&sort=age', providerToken);
    expect(mine.items.map((r) => r.householdName)).toEqual(['张三丰', '李四光']);
    const first = mine.items[0];
    expect(first.timeLeftSeconds).toBeGreaterThan(60 * 3600);
    expect(first.timeLeftSeconds).toBeLessThanOrEqual(72 * 3600);
    expect(first.deadline).toEqual(expect.any(String));
    // Another provider sees none of them, named or not.
    expect((await list('/api/referrals?limit=100', otherProvider)).items).toEqual([]);
    // Due within: the accept deadline is 72 h away.
    expect((await list('/api/referrals?dueWithin=1', providerToken)).items).toEqual([]);
    expect((await list('/api/referrals?dueWithin=73', providerToken)).items).toHaveLength(2);
    // Accepting moves the pending deadline to delivery (days later): it sorts last by deadline.
    await ctx.http
      .post(`/api/referrals/${first.id}/accept`)
      .set('Authorization', providerToken)
      .expect(200);
    const byDeadline = await list('/api/referrals?sort=deadline', providerToken);
    expect(byDeadline.items.map((r) => r.householdName)).toEqual(['李四光', '张三丰']);
    // Pages of one by cursor: each referral once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(
        `/api/referrals?limit=1&sort=deadline${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        providerToken,
      );
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(byDeadline.items.map((r) => r.id));
    const staffView = ours(
      (await list(`/api/referrals?limit=100&communityId=${tree.communityA.id}`)).items,
    );
    expect(staffView.map((r) => r.householdName)).toEqual(['张三丰']);
  });

  describe('contact under consent', () => {
    let consented: string;
    let withoutConsent: string;

    beforeAll(async () => {
      const assessor = await ctx.tokenFor('assessor', tree.district);
      const body = ctx.householdBody(tree.communityA, {
        phone: '13700001111',
        address: '幸福路 8 号 2 单元',
        members: [
          {
            name: '王五',
            relation: 'self',
            idNumber: newIdNumber('1958-02-02'),
            employment: 'unemployed',
          },
        ],
      });
      const { household } = await ctx.assessedHousehold(
        assessor,
        tree.communityA,
        { legal_dispute: true },
        body,
      );
      await ctx.app.get(MatchRunService).run(household.id);
      const [row] = await ctx.dataSource.query(
        `SELECT id FROM match_proposal WHERE household_id = $1 AND status = 'proposed' ORDER BY rank LIMIT 1`,
        [household.id],
      );
      const approved = await ctx.http
        .post(`/api/matches/${row.id}/approve`)
        .set('Authorization', staff)
        .send({
          consent: { given: true, by: '户主本人', method: 'verbal', at: '2026-12-01T09:00:00Z' },
        })
        .expect(201);
      consented = approved.body.id;
      expect(approved.body.consent).toMatchObject({
        given: true,
        by: '户主本人',
        method: 'verbal',
      });
      expect(approved.body.contact).toBeUndefined(); // staff are not given a contact block
      const earlier = await list('/api/referrals?limit=100&sort=age', providerToken);
      withoutConsent = earlier.items.find((r) => r.householdName === '张三丰')!.id;
      households.push({ id: household.id, name: '王五', communityId: tree.communityA.id });
    });

    const reads = async (householdId: string) =>
      (
        await ctx.http
          .get(`/api/households/${householdId}/contact-reads`)
          .set('Authorization', staff)
          .expect(200)
      ).body as Array<{ referralId: string; readerRole: string }>;

    it("gives the provider the household's contact with consent, and logs each read", async () => {
      const wang = households.find((h) => h.name === '王五')!;
      expect(await reads(wang.id)).toEqual([]);
      for (let i = 0; i < 2; i += 1) {
        const res = await ctx.http
          .get(`/api/referrals/${consented}`)
          .set('Authorization', providerToken)
          .expect(200);
        expect(res.body.contact).toEqual({
          kind: 'household',
          name: '王五',
          phone: '13700001111',
          address: '幸福路 8 号 2 单元',
        });
      }
      const log = await reads(wang.id);
      expect(log).toHaveLength(2);
      expect(log[0]).toMatchObject({ referralId: consented, readerRole: 'provider' });
      // Another provider cannot open the referral at all; an assessor may not read the log.
      await ctx.http
        .get(`/api/referrals/${consented}`)
        .set('Authorization', otherProvider)
        .expect(404);
      await ctx.http
        .get(`/api/households/${wang.id}/contact-reads`)
        .set('Authorization', await ctx.tokenFor('assessor', tree.district))
        .expect(403);
      await ctx.http
        .get(`/api/households/${wang.id}/contact-reads`)
        .set('Authorization', await ctx.tokenFor('civil_affairs', tree.streetB))
        .expect(404);
    });

    it("gives the approving officer's contact without consent, and nothing of the household", async () => {
      const res = await ctx.http
        .get(`/api/referrals/${withoutConsent}`)
        .set('Authorization', providerToken)
        .expect(200);
      expect(res.body.contact).toMatchObject({ kind: 'officer', address: null });
      // Named as in the provider's list, with its deadline.
      expect(res.body).toMatchObject({ householdName: '张三丰', deadline: expect.any(String) });
      expect(res.body.contact.name).not.toBe('张三丰');
      expect(JSON.stringify(res.body)).not.toContain('13812345678');
      expect(await reads(households[0].id)).toEqual([]);
    });

    it('refuses a consent without its method or date', async () => {
      const [row] = await ctx.dataSource.query(
        `SELECT id FROM match_proposal WHERE status = 'proposed' LIMIT 1`,
      );
      await ctx.http
        .post(`/api/matches/${row?.id ?? households[0].id}/approve`)
        .set('Authorization', staff)
        .send({ consent: { given: true, by: 'x', method: 'telepathy' } })
        .expect(400);
    });
  });

  describe('GET /work/summary', () => {
    const summary = async (token: string) =>
      (await ctx.http.get('/api/work/summary').set('Authorization', token).expect(200)).body;
    afterEach(() => jest.restoreAllMocks());

    it('counts a provider’s referrals to accept and deliver, due soon and past deadline', async () => {
      expect(await summary(providerToken)).toEqual({
        role: 'provider',
        dueSoonHours: 24,
        referralsToAccept: 2,
        referralsToDeliver: 1,
        referralsDueSoon: 0,
        referralsPastDeadline: 0,
      });
      const clock = jest.spyOn(ctx.app.get(Clock), 'now');
      clock.mockReturnValue(new Date(Date.now() + 60 * 3600_000));
      expect(await summary(providerToken)).toMatchObject({
        referralsDueSoon: 2,
        referralsPastDeadline: 0,
      });
      clock.mockReturnValue(new Date(Date.now() + 73 * 3600_000));
      expect(await summary(providerToken)).toMatchObject({
        referralsDueSoon: 0,
        referralsPastDeadline: 2,
      });
      expect(await summary(otherProvider)).toMatchObject({
        referralsToAccept: 0,
        referralsToDeliver: 0,
      });
    });

    it('counts what staff review in their scope, and an assessor’s revisits and drafts', async () => {
      const before = await summary(staff);
      expect(before).toMatchObject({
        role: 'civil_affairs',
        proposalsDueSoon: 0,
        proposalsOverdue: 0,
      });
      const p = await ctx.newProvider(tree.district);
      await ctx.factory.resource(p, tree.communityA, { status: 'pending_review' });
      const after = await summary(staff);
      expect(after.resourcesToReview).toBe(before.resourcesToReview + 1);
      // Staff of another district see none of it.
      const elsewhere = await ctx.newDistrict();
      expect(await summary(await ctx.tokenFor('civil_affairs', elsewhere.district))).toMatchObject({
        proposalsToApprove: 0,
        resourcesToReview: 0,
        applicationsToReview: 0,
      });
      const assessor = await ctx.tokenFor('assessor', tree.district);
      expect(await summary(assessor)).toMatchObject({
        role: 'assessor',
        revisitsDue: 0,
        draftAssessments: 0,
      });
      await ctx.http
        .post(`/api/households/${households[0].id}/assessments`)
        .set('Authorization', assessor)
        .send({})
        .expect(201);
      jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 400 * 86400_000));
      expect(await summary(assessor)).toMatchObject({
        revisitsDue: households.length,
        draftAssessments: 1,
      });
    });
  });
});
