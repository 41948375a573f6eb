import type { AreaEntity } from '@onedoor/areas';
import { Clock } from '@onedoor/platform';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';
import { evaluateLoneBid, newEvaluators } from './support/procurement';

const HOUR = 3_600_000;
/** Quality criteria first, price last: the order evaluators score in. */
const CRITERIA = [
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
  { code: 'price', name: '价格', weight: 30 },
];

type Project = { id: string; status: string; closesAt: string | null; bidCount: number };

// The business rules (criteria, transitions, one live bid under concurrency, sealing, qualification,
// the panel, the hand-computed ranking and award, the award deadline) are the procurement service
// tests' (libs/procurement/test). Here: what HTTP callers get (statuses, the error shape, who may
// call what), sealing as the responses and the audit trail show it, and the matcher's close.
describe('Service purchasing over HTTP: tenders, sealed bids, panel evaluation, award (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;

  beforeAll(async () => {
    // No minimum bidding period here, so tenders close within a test.
    ctx = await startApi({ PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    clock = ctx.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  /** Moves the API's clock to `at` (the matcher keeps the real time). */
  const setNow = (at: Date) => jest.spyOn(clock, 'now').mockReturnValue(at);

  function projectBody(area: AreaEntity, over: Record<string, unknown> = {}) {
    return {
      title: '困境儿童关爱服务项目',
      categoryCode: 'care',
      areaId: area.id,
      budgetFen: 1_000_000,
      targetHouseholds: 40,
      serviceStart: '2027-01-01',
      serviceEnd: '2027-12-31',
      description: '个案管理、学业辅导与心理支持',
      requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2 },
      criteria: CRITERIA,
      ...over,
    };
  }

  async function world() {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    return { tree, staff };
  }

  async function draft(staff: string, area: AreaEntity, over: Record<string, unknown> = {}) {
    const res = await ctx.http
      .post('/api/procurement/projects')
      .set('Authorization', staff)
      .send(projectBody(area, over))
      .expect(201);
    return res.body as Project;
  }

  async function published(staff: string, area: AreaEntity, closesInMs = HOUR) {
    const p = await draft(staff, area);
    const res = await ctx.http
      .post(`/api/procurement/projects/${p.id}/publish`)
      .set('Authorization', staff)
      .send({ closesAt: new Date(Date.now() + closesInMs).toISOString() })
      .expect(200);
    return res.body as Project;
  }

  const socialWorkOrg = (area: AreaEntity, verification: 'verified' | 'pending' = 'verified') =>
    ctx.newProviderWithUser(area, { kind: 'social_work_org', verification });

  const bidBody = (priceFen: number, certifiedSocialWorkers = 5, yearsOperating = 6) => ({
    priceFen,
    proposal: `服务方案，报价 ${priceFen} 分`,
    team: { certifiedSocialWorkers, yearsOperating, staffCount: 12 },
    attachments: [{ name: '方案.pdf', mediaType: 'application/pdf', sizeBytes: 20480 }],
  });

  const bid = (token: string, projectId: string, body = bidBody(800_000)) =>
    ctx.http
      .post(`/api/procurement/projects/${projectId}/bids`)
      .set('Authorization', token)
      .send(body);

  /** Moves past the deadline and closes by hand (the matcher's own close is tested below). */
  async function closeBidding(staff: string, project: Project) {
    setNow(new Date(new Date(project.closesAt!).getTime() + 1_000));
    const res = await ctx.http
      .post(`/api/procurement/projects/${project.id}/close-bidding`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    return res.body as Project;
  }

  const evaluators = (n: number) => newEvaluators(ctx, n);

  describe('projects', () => {
    it('answers tender rule breaks with their statuses, in the one error shape', async () => {
      const { tree, staff } = await world();
      const off = await ctx.http
        .post('/api/procurement/projects')
        .set('Authorization', staff)
        .set('Accept-Language', 'en')
        .send(
          projectBody(tree.district, {
            criteria: CRITERIA.map((c) => (c.code === 'price' ? { ...c, weight: 25 } : c)),
          }),
        )
        .expect(400);
      expect(off.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'CRITERIA_INVALID',
        details: { sum: 95 },
      });
      expect(off.body.message).toContain('weights sum to 95, not 100');
      // A list short of the five criteria never reaches the service: the DTO refuses it.
      const missing = await ctx.http
        .post('/api/procurement/projects')
        .set('Authorization', staff)
        .send(
          projectBody(tree.district, { criteria: [{ code: 'price', name: '价格', weight: 100 }] }),
        )
        .expect(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');

      const p = await draft(staff, tree.district);
      const past = await ctx.http
        .post(`/api/procurement/projects/${p.id}/publish`)
        .set('Authorization', staff)
        .send({ closesAt: new Date(Date.now() - 1_000).toISOString() })
        .expect(400);
      expect(past.body.code).toBe('BIDDING_PERIOD_TOO_SHORT');
      const illegal = await ctx.http
        .post(`/api/procurement/projects/${p.id}/start-evaluation`)
        .set('Authorization', staff)
        .send({})
        .expect(409);
      expect(illegal.body).toMatchObject({
        statusCode: 409,
        code: 'PROJECT_INVALID_TRANSITION',
        details: { status: 'draft' },
      });
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/publish`)
        .set('Authorization', staff)
        .send({ closesAt: new Date(Date.now() + HOUR).toISOString() })
        .expect(200);
      const frozen = await ctx.http
        .patch(`/api/procurement/projects/${p.id}`)
        .set('Authorization', staff)
        .send({ criteria: CRITERIA })
        .expect(409);
      expect(frozen.body).toMatchObject({
        code: 'PROJECT_NOT_EDITABLE',
        details: { status: 'published' },
      });
      const early = await ctx.http
        .post(`/api/procurement/projects/${p.id}/close-bidding`)
        .set('Authorization', staff)
        .send({})
        .expect(409);
      expect(early.body.code).toBe('BIDDING_STILL_OPEN');
    });
  });

  describe('bids', () => {
    it('refuses unverified and non-social-work organizations (403) and prices above the budget (400)', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const unverified = await socialWorkOrg(tree.district, 'pending');
      const charity = await ctx.newProviderWithUser(tree.district, { kind: 'charity' });
      for (const token of [unverified.token, charity.token]) {
        const res = await bid(token, p.id).expect(403);
        expect(res.body.code).toBe('BIDDER_NOT_ELIGIBLE');
      }
      await bid(staff, p.id).expect(403);
      const { token } = await socialWorkOrg(tree.district);
      const over = await bid(token, p.id, bidBody(1_000_001)).expect(400);
      expect(over.body).toMatchObject({
        code: 'BID_PRICE_OVER_BUDGET',
        details: { budgetFen: 1_000_000 },
      });
      await bid(token, p.id, bidBody(1_000_000)).expect(201);
    });

    it('answers a second live bid and any change after close with 409', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const { token } = await socialWorkOrg(tree.district);
      const first = (await bid(token, p.id).expect(201)).body;
      const again = await bid(token, p.id).expect(409);
      expect(again.body.code).toBe('BID_ALREADY_SUBMITTED');
      await closeBidding(staff, p);
      const late = await ctx.http
        .put(`/api/bids/${first.id}`)
        .set('Authorization', token)
        .send(bidBody(600_000))
        .expect(409);
      expect(late.body.code).toBe('BIDDING_NOT_OPEN');
    });

    it('sealing: before close neither staff, evaluators nor other bidders see content or bidders; after close they do', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const a = await socialWorkOrg(tree.district);
      const b = await socialWorkOrg(tree.district);
      const bidA = (await bid(a.token, p.id, bidBody(810_000)).expect(201)).body;
      const bidB = (await bid(b.token, p.id, bidBody(820_000)).expect(201)).body;
      const panel = await evaluators(3);
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.map((e) => e.id) })
        .expect(200);

      const list = (token: string) =>
        ctx.http
          .get(`/api/procurement/projects/${p.id}/bids`)
          .set('Authorization', token)
          .expect(200);
      for (const token of [staff, panel[0].token]) {
        expect((await list(token)).body).toEqual({ sealed: true, count: 2, bids: [] });
        const one = await ctx.http
          .get(`/api/bids/${bidA.id}`)
          .set('Authorization', token)
          .expect(403);
        expect(one.body.code).toBe('BID_SEALED');
      }
      const seenByB = (await list(b.token)).body;
      expect(seenByB).toMatchObject({ sealed: true, count: 2 });
      expect(seenByB.bids.map((x: { id: string }) => x.id)).toEqual([bidB.id]);
      expect(JSON.stringify(seenByB)).not.toContain('810000');
      await ctx.http.get(`/api/bids/${bidA.id}`).set('Authorization', b.token).expect(403);
      // The project itself shows the count only, to everyone.
      const shown = await ctx.http
        .get(`/api/procurement/projects/${p.id}`)
        .set('Authorization', b.token)
        .expect(200);
      expect(shown.body.bidCount).toBe(2);
      // Staff's audit trail shows neither the bids nor who submitted them while sealed.
      const audit = await ctx.http
        .get(`/api/audit?entityType=bid&entityId=${bidA.id}`)
        .set('Authorization', staff)
        .expect(200);
      expect(audit.body.items).toEqual([]);
      // Nor does the OCDS export of the open tender.
      const ocds = await ctx.http
        .get(`/api/procurement/projects/${p.id}/ocds`)
        .set('Authorization', b.token)
        .expect(200);
      expect(JSON.stringify(ocds.body)).not.toContain(a.provider.id);
      expect(JSON.stringify(ocds.body)).not.toContain('8100');

      await closeBidding(staff, p);
      for (const token of [staff, panel[0].token, b.token]) {
        const opened = (await list(token)).body;
        expect(opened.sealed).toBe(false);
        expect(opened.bids.map((x: { priceFen: number }) => x.priceFen).sort()).toEqual([
          810_000, 820_000,
        ]);
        const one = await ctx.http
          .get(`/api/bids/${bidA.id}`)
          .set('Authorization', token)
          .expect(200);
        expect(one.body.proposal).toBe('服务方案，报价 810000 分');
      }
      // An organization that did not bid still does not read them.
      const outsider = await socialWorkOrg(tree.district);
      await ctx.http
        .get(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', outsider.token)
        .expect(403);
    });
  });

  describe('closing at closesAt by the matcher process', () => {
    withMatcher();

    it('closes with the bids in, and fails a tender that received none', async () => {
      const { tree, staff } = await world();
      const empty = await published(staff, tree.district, 2_500);
      const withBid = await published(staff, tree.district, 2_500);
      const { token } = await socialWorkOrg(tree.district);
      await bid(token, withBid.id).expect(201);
      const statusOf = async (id: string) =>
        (
          await ctx.http
            .get(`/api/procurement/projects/${id}`)
            .set('Authorization', staff)
            .expect(200)
        ).body;
      const failed = await eventually(
        async () => {
          const p = await statusOf(empty.id);
          return p.status !== 'published' && p;
        },
        20_000,
        'the empty tender to close',
      );
      expect(failed).toMatchObject({
        status: 'failed',
        endReason: expect.stringContaining('0 valid bids'),
      });
      const closed = await eventually(
        async () => {
          const p = await statusOf(withBid.id);
          return p.status !== 'published' && p;
        },
        20_000,
        'the tender with a bid to close',
      );
      expect(closed.status).toBe('bidding_closed');
      // Closed by the system (no actor), at or after the deadline.
      const close = closed.history.find((h: { action: string }) => h.action === 'close');
      expect(close.actorId).toBeNull();
      expect(new Date(closed.closedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(closed.closesAt).getTime(),
      );
    });
  });

  describe('evaluation and award', () => {
    it('takes a lone bid from panel to accepted award over HTTP; a panel of two is 400, another organization’s award 404', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const org = await socialWorkOrg(tree.district);
      const other = await socialWorkOrg(tree.district);
      const bidId = (await bid(org.token, p.id).expect(201)).body.id as string;
      const panel = await evaluators(3);
      const small = await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.slice(0, 2).map((e) => e.id) })
        .expect(400);
      expect(small.body.code).toBe('VALIDATION_FAILED');
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.map((e) => e.id) })
        .expect(200);
      await closeBidding(staff, p);
      await evaluateLoneBid(ctx, staff, p.id, bidId, panel, 70);
      const ranking = await ctx.http
        .get(`/api/procurement/projects/${p.id}/ranking`)
        .set('Authorization', panel[0].token)
        .expect(200);
      expect(ranking.body.status).toBe('ranked');
      const awarded = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId, justification: '唯一合格投标' })
        .expect(200);
      const awardId = awarded.body.awards[0].id as string;
      // A notice names the award: the console finds its project through it.
      const read = await ctx.http
        .get(`/api/procurement/awards/${awardId}`)
        .set('Authorization', org.token)
        .expect(200);
      expect(read.body).toMatchObject({ id: awardId, projectId: p.id, bidId, status: 'pending' });
      const elsewhere = await ctx.newDistrict();
      const outOfScope = await ctx.http
        .get(`/api/procurement/awards/${awardId}`)
        .set('Authorization', await ctx.tokenFor('civil_affairs', elsewhere.district))
        .expect(404);
      expect(outOfScope.body.code).toBe('AWARD_NOT_FOUND');
      const stranger = await ctx.http
        .post(`/api/procurement/awards/${awardId}/decline`)
        .set('Authorization', other.token)
        .send({ reason: '不是我们的' })
        .expect(404);
      expect(stranger.body.code).toBe('AWARD_NOT_FOUND');
      const accepted = await ctx.http
        .post(`/api/procurement/awards/${awardId}/accept`)
        .set('Authorization', org.token)
        .send({})
        .expect(200);
      expect(accepted.body.awards[0].status).toBe('accepted');
    });

    it('shows staff every panel member’s declarations and an evaluator only their own; staff of another district get 404', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const org = await socialWorkOrg(tree.district);
      const bidId = (await bid(org.token, p.id).expect(201)).body.id as string;
      const panel = await evaluators(3);
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.map((e) => e.id) })
        .expect(200);
      await closeBidding(staff, p);
      await evaluateLoneBid(ctx, staff, p.id, bidId, panel, 70);
      const all = await ctx.http
        .get(`/api/procurement/projects/${p.id}/declarations`)
        .set('Authorization', staff)
        .expect(200);
      expect(all.body.map((d: { evaluatorId: string }) => d.evaluatorId).sort()).toEqual(
        panel.map((e) => e.id).sort(),
      );
      expect(all.body.every((d: { bidId: string }) => d.bidId === bidId)).toBe(true);
      const own = await ctx.http
        .get(`/api/procurement/projects/${p.id}/declarations`)
        .set('Authorization', panel[1].token)
        .expect(200);
      expect(own.body).toEqual([{ bidId, evaluatorId: panel[1].id, conflict: false, note: null }]);
      const elsewhere = await ctx.tokenFor('civil_affairs', (await ctx.newDistrict()).district);
      await ctx.http
        .get(`/api/procurement/projects/${p.id}/declarations`)
        .set('Authorization', elsewhere)
        .expect(404);
    });
  });
});
