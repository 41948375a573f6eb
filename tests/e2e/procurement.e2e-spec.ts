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
const QUALITY = CRITERIA.slice(0, 4).map((c) => c.code);

type Project = { id: string; status: string; closesAt: string | null; bidCount: number };

describe('Service purchasing: tenders, sealed bids, panel evaluation, award (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;

  beforeAll(async () => {
    // No minimum bidding period here, so tenders close within a test; one test sets it.
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
    it('refuses criteria whose weights do not sum to 100, naming the sum', async () => {
      const { tree, staff } = await world();
      const res = await ctx.http
        .post('/api/procurement/projects')
        .set('Authorization', staff)
        .send(
          projectBody(tree.district, {
            criteria: CRITERIA.map((c) => (c.code === 'price' ? { ...c, weight: 25 } : c)),
          }),
        )
        .expect(400);
      expect(res.body.code).toBe('CRITERIA_INVALID');
      expect(res.body.message).toContain('weights sum to 95, not 100');
      const missing = await ctx.http
        .post('/api/procurement/projects')
        .set('Authorization', staff)
        .send(
          projectBody(tree.district, { criteria: [{ code: 'price', name: '价格', weight: 100 }] }),
        )
        .expect(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
    });

    it('publishing freezes criteria and weights: a later change is 409', async () => {
      const { tree, staff } = await world();
      const p = await draft(staff, tree.district);
      const reweighted = CRITERIA.map((c) =>
        c.code === 'price'
          ? { ...c, weight: 40 }
          : c.code === 'service_proposal'
            ? { ...c, weight: 15 }
            : c,
      );
      const edited = await ctx.http
        .patch(`/api/procurement/projects/${p.id}`)
        .set('Authorization', staff)
        .send({ criteria: reweighted })
        .expect(200);
      expect(edited.body.criteria.find((c: { code: string }) => c.code === 'price').weight).toBe(
        40,
      );
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
      const after = await ctx.http
        .get(`/api/procurement/projects/${p.id}`)
        .set('Authorization', staff)
        .expect(200);
      expect(after.body.criteria).toEqual(reweighted);
      expect(after.body.history.map((h: { action: string }) => h.action)).toEqual([
        'create',
        'update',
        'publish',
      ]);
    });

    it('answers an illegal transition with 409 and the current state', async () => {
      const { tree, staff } = await world();
      const p = await draft(staff, tree.district);
      for (const [path, body] of [
        ['start-evaluation', {}],
        ['close-bidding', {}],
        ['award', { bidId: p.id, justification: '最优' }],
      ] as const) {
        const res = await ctx.http
          .post(`/api/procurement/projects/${p.id}/${path}`)
          .set('Authorization', staff)
          .send(body)
          .expect(409);
        expect(res.body).toMatchObject({
          code: 'PROJECT_INVALID_TRANSITION',
          details: { status: 'draft' },
        });
      }
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/cancel`)
        .set('Authorization', staff)
        .send({ reason: '预算调整' })
        .expect(200);
      const again = await ctx.http
        .post(`/api/procurement/projects/${p.id}/publish`)
        .set('Authorization', staff)
        .send({ closesAt: new Date(Date.now() + HOUR).toISOString() })
        .expect(409);
      expect(again.body.details.status).toBe('cancelled');
    });

    it('needs closesAt in the future and at least the minimum period ahead', async () => {
      const { tree, staff } = await world();
      const p = await draft(staff, tree.district);
      const past = await ctx.http
        .post(`/api/procurement/projects/${p.id}/publish`)
        .set('Authorization', staff)
        .send({ closesAt: new Date(Date.now() - 1_000).toISOString() })
        .expect(400);
      expect(past.body.code).toBe('BIDDING_PERIOD_TOO_SHORT');
      ctx.config.procurement.minBiddingHours = 24;
      try {
        const short = await ctx.http
          .post(`/api/procurement/projects/${p.id}/publish`)
          .set('Authorization', staff)
          .send({ closesAt: new Date(Date.now() + 23 * HOUR).toISOString() })
          .expect(400);
        expect(short.body.code).toBe('BIDDING_PERIOD_TOO_SHORT');
        await ctx.http
          .post(`/api/procurement/projects/${p.id}/publish`)
          .set('Authorization', staff)
          .send({ closesAt: new Date(Date.now() + 25 * HOUR).toISOString() })
          .expect(200);
      } finally {
        ctx.config.procurement.minBiddingHours = 0;
      }
    });

    it('staff may close bidding only after closesAt', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const early = await ctx.http
        .post(`/api/procurement/projects/${p.id}/close-bidding`)
        .set('Authorization', staff)
        .send({})
        .expect(409);
      expect(early.body.code).toBe('BIDDING_STILL_OPEN');
      // No bids at the deadline: the project fails.
      const closed = await closeBidding(staff, p);
      expect(closed).toMatchObject({ status: 'failed' });
      expect(closed.closesAt).toBe(p.closesAt);
    });
  });

  describe('bids', () => {
    it('one live bid per organization: two concurrent POSTs give one 201 and one 409', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const { token } = await socialWorkOrg(tree.district);
      const results = await Promise.all([bid(token, p.id), bid(token, p.id)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('BID_ALREADY_SUBMITTED');
      const list = await ctx.http
        .get(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', token)
        .expect(200);
      expect(list.body.count).toBe(1);
    });

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

    it('replace keeps the old version; withdraw frees the slot; after close bids are immutable', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const { token } = await socialWorkOrg(tree.district);
      const first = (await bid(token, p.id).expect(201)).body;
      const second = await ctx.http
        .put(`/api/bids/${first.id}`)
        .set('Authorization', token)
        .send(bidBody(750_000))
        .expect(200);
      expect(second.body).toMatchObject({
        replacesId: first.id,
        priceFen: 750_000,
        status: 'submitted',
      });
      const own = await ctx.http
        .get(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', token)
        .expect(200);
      expect(own.body.bids.map((b: { status: string }) => b.status).sort()).toEqual([
        'replaced',
        'submitted',
      ]);
      await ctx.http
        .post(`/api/bids/${second.body.id}/withdraw`)
        .set('Authorization', token)
        .send({})
        .expect(200);
      const third = (await bid(token, p.id, bidBody(700_000)).expect(201)).body;

      await closeBidding(staff, p);
      for (const req of [
        ctx.http.put(`/api/bids/${third.id}`).set('Authorization', token).send(bidBody(600_000)),
        ctx.http.post(`/api/bids/${third.id}/withdraw`).set('Authorization', token).send({}),
        bid(token, p.id),
      ]) {
        const res = await req.expect(409);
        expect(res.body.code).toBe('BIDDING_NOT_OPEN');
      }
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

  it('a tender cancelled during bidding keeps its bids sealed', async () => {
    const { tree, staff } = await world();
    const p = await published(staff, tree.district);
    const a = await socialWorkOrg(tree.district);
    const b = await socialWorkOrg(tree.district);
    const bidA = (await bid(a.token, p.id).expect(201)).body;
    await bid(b.token, p.id).expect(201);
    await ctx.http
      .post(`/api/procurement/projects/${p.id}/cancel`)
      .set('Authorization', staff)
      .send({ reason: '需求变更' })
      .expect(200);
    for (const token of [staff, b.token]) {
      const list = await ctx.http
        .get(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', token)
        .expect(200);
      expect(list.body.sealed).toBe(true);
      expect(list.body.bids.some((x: { id: string }) => x.id === bidA.id)).toBe(false);
      await ctx.http.get(`/api/bids/${bidA.id}`).set('Authorization', token).expect(403);
    }
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

  describe('qualification, panel, scoring, ranking and award', () => {
    it('runs a purchase from draft to award against figures computed by hand', async () => {
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const orgs = {
        A: await socialWorkOrg(tree.district),
        B: await socialWorkOrg(tree.district),
        C: await socialWorkOrg(tree.district),
        D: await socialWorkOrg(tree.district),
      };
      const bids = {
        A: (await bid(orgs.A.token, p.id, bidBody(900_000)).expect(201)).body.id as string,
        B: (await bid(orgs.B.token, p.id, bidBody(800_000)).expect(201)).body.id as string,
        C: (await bid(orgs.C.token, p.id, bidBody(450_000)).expect(201)).body.id as string,
        // One certified social worker, where 3 are required.
        D: (await bid(orgs.D.token, p.id, bidBody(950_000, 1, 6)).expect(201)).body.id as string,
      };
      const panel = await evaluators(5);
      const [e1, e2, , , e5] = panel;
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.slice(0, 2).map((e) => e.id) })
        .expect(400);
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.map((e) => e.id) })
        .expect(200);
      await closeBidding(staff, p);

      // Qualification: the pre-check shows D short; qualifying it needs a reason.
      const d = await ctx.http.get(`/api/bids/${bids.D}`).set('Authorization', staff).expect(200);
      expect(d.body.precheck).toEqual({
        met: false,
        checks: [
          { requirement: 'minCertifiedSocialWorkers', required: 3, actual: 1, met: false },
          { requirement: 'minYearsOperating', required: 2, actual: 6, met: true },
          { requirement: 'verified', required: true, actual: true, met: true },
        ],
      });
      const early = await ctx.http
        .post(`/api/procurement/projects/${p.id}/start-evaluation`)
        .set('Authorization', staff)
        .send({})
        .expect(409);
      expect(early.body.code).toBe('QUALIFICATION_PENDING');
      const noReason = await ctx.http
        .post(`/api/bids/${bids.D}/qualify`)
        .set('Authorization', staff)
        .send({})
        .expect(400);
      expect(noReason.body.code).toBe('QUALIFICATION_REASON_REQUIRED');
      await ctx.http
        .post(`/api/bids/${bids.D}/disqualify`)
        .set('Authorization', staff)
        .send({})
        .expect(400);
      const dq = await ctx.http
        .post(`/api/bids/${bids.D}/disqualify`)
        .set('Authorization', staff)
        .send({ reasons: ['持证社工 1 名，少于要求的 3 名'] })
        .expect(200);
      expect(dq.body).toMatchObject({
        qualification: 'disqualified',
        qualificationReasons: ['持证社工 1 名，少于要求的 3 名'],
      });
      for (const id of [bids.A, bids.B, bids.C]) {
        await ctx.http
          .post(`/api/bids/${id}/qualify`)
          .set('Authorization', staff)
          .send({})
          .expect(200);
      }

      // Scoring waits for evaluation to start.
      const notYet = await ctx.http
        .post(`/api/bids/${bids.A}/scores`)
        .set('Authorization', e1.token)
        .send({ scores: QUALITY.map((criterion) => ({ criterion, score: 80 })) })
        .expect(409);
      expect(notYet.body.code).toBe('PROJECT_INVALID_TRANSITION');
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/start-evaluation`)
        .set('Authorization', staff)
        .send({})
        .expect(200);
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.slice(0, 3).map((e) => e.id) })
        .expect(409);

      // Declarations first: scoring before them is refused.
      const undeclared = await ctx.http
        .post(`/api/bids/${bids.A}/scores`)
        .set('Authorization', e1.token)
        .send({ scores: QUALITY.map((criterion) => ({ criterion, score: 80 })) })
        .expect(409);
      expect(undeclared.body.code).toBe('DECLARATION_REQUIRED');
      for (const e of panel) {
        await ctx.http
          .post(`/api/procurement/projects/${p.id}/declarations`)
          .set('Authorization', e.token)
          .send({
            declarations: [bids.A, bids.B, bids.C].map((bidId) => ({
              bidId,
              conflict: e === e5 && bidId === bids.B,
              note: e === e5 && bidId === bids.B ? '曾在该机构任职' : undefined,
            })),
          })
          .expect(201);
      }
      const redeclare = await ctx.http
        .post(`/api/procurement/projects/${p.id}/declarations`)
        .set('Authorization', e5.token)
        .send({ declarations: [{ bidId: bids.B, conflict: false }] })
        .expect(409);
      expect(redeclare.body.code).toBe('DECLARATION_LOCKED');

      // Scores per evaluator (professional_qualification, internal_governance, human_resources, service_proposal).
      const sheet: Record<'A' | 'B' | 'C', number[][]> = {
        A: [
          [80, 80, 70, 90],
          [85, 80, 70, 40],
          [90, 80, 70, 85],
          [70, 80, 70, 88],
          [95, 80, 70, 92],
        ],
        B: [
          [90, 85, 80, 80],
          [90, 85, 80, 85],
          [90, 85, 80, 90],
          [90, 85, 80, 85],
        ],
        C: [
          [75, 75, 75, 75],
          [75, 75, 75, 75],
          [75, 75, 75, 75],
          [75, 75, 75, 75],
          [75, 75, 75, 75],
        ],
      };
      const submit = (e: { token: string }, bidId: string, row: number[]) =>
        ctx.http
          .post(`/api/bids/${bidId}/scores`)
          .set('Authorization', e.token)
          .send({ scores: QUALITY.map((criterion, i) => ({ criterion, score: row[i] })) });

      const partial = await ctx.http
        .post(`/api/bids/${bids.A}/scores`)
        .set('Authorization', e1.token)
        .send({ scores: QUALITY.slice(0, 2).map((criterion) => ({ criterion, score: 80 })) })
        .expect(400);
      expect(partial.body).toMatchObject({
        code: 'SCORES_INVALID',
        details: { missing: ['human_resources', 'service_proposal'] },
      });
      await submit(e1, bids.A, sheet.A[0]).expect(201);
      await submit(e2, bids.A, sheet.A[1]).expect(201);
      const locked = await submit(e1, bids.A, [100, 100, 100, 100]).expect(409);
      expect(locked.body.code).toBe('SCORES_LOCKED');
      const recused = await submit(e5, bids.B, sheet.B[0]).expect(409);
      expect(recused.body.code).toBe('EVALUATOR_RECUSED');

      // Before all are in, e1 sees its own scores, not e2's; the ranking is closed to evaluators.
      const hidden = await ctx.http
        .get(`/api/bids/${bids.A}/scores`)
        .set('Authorization', e1.token)
        .expect(200);
      expect(hidden.body.allSubmitted).toBe(false);
      const entry = (body: { evaluators: Array<{ evaluatorId: string }> }, id: string) =>
        body.evaluators.find((x) => x.evaluatorId === id) as unknown as {
          submitted: boolean;
          scores: Array<{ score: number }>;
        };
      expect(
        entry(hidden.body, e1.id)
          .scores.map((s) => s.score)
          .sort(),
      ).toEqual([70, 80, 80, 90]);
      expect(entry(hidden.body, e2.id)).toMatchObject({ submitted: true, scores: [] });
      const closedRanking = await ctx.http
        .get(`/api/procurement/projects/${p.id}/ranking`)
        .set('Authorization', e1.token)
        .expect(409);
      expect(closedRanking.body.code).toBe('SCORING_INCOMPLETE');
      const staffEarly = await ctx.http
        .get(`/api/procurement/projects/${p.id}/ranking`)
        .set('Authorization', staff)
        .expect(200);
      expect(staffEarly.body.status).toBe('incomplete');

      for (let i = 2; i < 5; i += 1) await submit(panel[i], bids.A, sheet.A[i]).expect(201);
      for (let i = 0; i < 4; i += 1) await submit(panel[i], bids.B, sheet.B[i]).expect(201);
      for (let i = 0; i < 5; i += 1) await submit(panel[i], bids.C, sheet.C[i]).expect(201);

      const shown = await ctx.http
        .get(`/api/bids/${bids.A}/scores`)
        .set('Authorization', e1.token)
        .expect(200);
      expect(shown.body.allSubmitted).toBe(true);
      expect(
        entry(shown.body, e2.id)
          .scores.map((s) => s.score)
          .sort(),
      ).toEqual([40, 70, 80, 85]);

      // A's service proposal spreads 40…92 = 52 points: ranking waits for moderation.
      const blocked = await ctx.http
        .get(`/api/procurement/projects/${p.id}/ranking`)
        .set('Authorization', e1.token)
        .expect(200);
      expect(blocked.body.status).toBe('needs_moderation');
      expect(blocked.body.pendingModeration).toEqual([
        { bidId: bids.A, criterion: 'service_proposal' },
      ]);
      const tooEarly = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.C, justification: '综合得分第一' })
        .expect(409);
      expect(tooEarly.body.code).toBe('RANKING_NOT_READY');
      const notFlagged = await ctx.http
        .post(`/api/bids/${bids.B}/moderations`)
        .set('Authorization', staff)
        .send({ criterion: 'service_proposal', comment: '无需' })
        .expect(409);
      expect(notFlagged.body.code).toBe('MODERATION_NOT_NEEDED');
      const moderated = await ctx.http
        .post(`/api/bids/${bids.A}/moderations`)
        .set('Authorization', staff)
        .send({
          criterion: 'service_proposal',
          comment: '评审 2 打分依据不足，经复核维持去极值后的均值',
        })
        .expect(201);
      expect(moderated.body.status).toBe('ranked');

      const ranking = (
        await ctx.http
          .get(`/api/procurement/projects/${p.id}/ranking`)
          .set('Authorization', e2.token)
          .expect(200)
      ).body;
      const row = (id: string) => ranking.entries.find((x: { bidId: string }) => x.bidId === id);
      const crit = (id: string, code: string) =>
        row(id).criteria.find((c: { code: string }) => c.code === code);
      // A: qualification (80,85,90,70,95) trimmed of 70 and 95 → 85; service proposal
      // (90,40,85,88,92) trimmed of 40 and 92 → 87.67, spread 52, moderated (value kept).
      expect(crit(bids.A, 'professional_qualification')).toMatchObject({
        mean: 85,
        spread: 25,
        spreadFlag: false,
      });
      expect(crit(bids.A, 'service_proposal')).toMatchObject({
        mean: 87.67,
        value: 87.67,
        spread: 52,
        spreadFlag: true,
        moderation: { score: null },
      });
      expect(
        crit(bids.A, 'service_proposal')
          .scores.filter((s: { trimmed: boolean }) => s.trimmed)
          .map((s: { score: number }) => s.score)
          .sort(),
      ).toEqual([40, 92]);
      // A: 85×.20 + 80×.10 + 70×.15 + 87.667×.25 = 57.42; price 450,000/900,000 × 30 = 15 → 72.42.
      expect(row(bids.A)).toMatchObject({ priceScore: 15, total: 72.42, rank: 3 });
      // B, four evaluators (e5 recused), no trimming: 90×.2 + 85×.1 + 80×.15 + 85×.25 = 59.75;
      // price 450/800 × 30 = 16.875 → 76.63.
      expect(row(bids.B).evaluators).toEqual({ expected: 4, submitted: 4 });
      expect(crit(bids.B, 'service_proposal').scores).toHaveLength(4);
      expect(row(bids.B)).toMatchObject({ priceScore: 16.88, total: 76.63, rank: 2 });
      // C: 75 × 0.70 = 52.5; price 30 → 82.5. Its 450,000 is ≥ 40% below the others' mean
      // (900,000 + 800,000) / 2 = 850,000 (limit 510,000): abnormally low.
      expect(row(bids.C)).toMatchObject({
        priceScore: 30,
        total: 82.5,
        rank: 1,
        abnormallyLowPrice: { flagged: true, othersMeanFen: 850_000, justification: null },
      });
      expect(row(bids.A).abnormallyLowPrice.flagged).toBe(false);
      expect(ranking.entries.map((x: { bidId: string }) => x.bidId)).toEqual([
        bids.C,
        bids.B,
        bids.A,
      ]);
      expect(ranking.entries.some((x: { bidId: string }) => x.bidId === bids.D)).toBe(false);

      // Award: a lower bid without a reason is 400; the abnormally low winner needs its justification.
      const deviation = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.B, justification: '服务经验丰富' })
        .expect(400);
      expect(deviation.body).toMatchObject({
        code: 'AWARD_DEVIATION_UNJUSTIFIED',
        details: { bestBidId: bids.C },
      });
      const unjustified = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.C, justification: '综合得分第一' })
        .expect(409);
      expect(unjustified.body.code).toBe('PRICE_JUSTIFICATION_REQUIRED');
      await ctx.http
        .post(`/api/bids/${bids.A}/price-justification`)
        .set('Authorization', orgs.A.token)
        .send({ note: '不是低价' })
        .expect(409);
      const justified = await ctx.http
        .post(`/api/bids/${bids.C}/price-justification`)
        .set('Authorization', orgs.C.token)
        .send({ note: '机构自有场地与志愿者团队，人力成本低' })
        .expect(200);
      // The bidder gets its bid back, never the panel's scores.
      expect(justified.body).toMatchObject({
        id: bids.C,
        priceJustification: '机构自有场地与志愿者团队，人力成本低',
      });
      expect(justified.body.entries).toBeUndefined();
      const awarded = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.C, justification: '综合得分第一' })
        .expect(200);
      expect(awarded.body.status).toBe('awarded');
      expect(awarded.body.awards).toEqual([
        expect.objectContaining({
          bidId: bids.C,
          status: 'pending',
          rank: 1,
          totalScore: 82.5,
          valueFen: 450_000,
          deviationReason: null,
        }),
      ]);

      // The winner declines within its deadline: the next-ranked bid is awarded, no deviation needed.
      const awardId = awarded.body.awards[0].id;
      await ctx.http
        .post(`/api/procurement/awards/${awardId}/decline`)
        .set('Authorization', orgs.B.token)
        .send({ reason: '不是我们的' })
        .expect(404);
      const declined = await ctx.http
        .post(`/api/procurement/awards/${awardId}/decline`)
        .set('Authorization', orgs.C.token)
        .send({ reason: '核心社工离职，无法按期履约' })
        .expect(200);
      expect(declined.body.status).toBe('evaluating');
      // The ranking is frozen once awarded: no re-moderation to reorder the next bids.
      const frozen = await ctx.http
        .post(`/api/bids/${bids.A}/moderations`)
        .set('Authorization', staff)
        .send({ criterion: 'service_proposal', comment: '改为 95', score: 95 })
        .expect(409);
      expect(frozen.body.code).toBe('PROJECT_INVALID_TRANSITION');
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.C, justification: '再次授予' })
        .expect(409);
      const next = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId: bids.B, justification: '第一名放弃，依次递补排名第二的投标人' })
        .expect(200);
      expect(next.body.status).toBe('awarded');
      expect(
        next.body.awards.map((a: { bidId: string; status: string }) => [a.bidId, a.status]),
      ).toEqual([
        [bids.C, 'declined'],
        [bids.B, 'pending'],
      ]);
      const accepted = await ctx.http
        .post(`/api/procurement/awards/${next.body.awards[1].id}/accept`)
        .set('Authorization', orgs.B.token)
        .send({})
        .expect(200);
      expect(accepted.body.awards[1].status).toBe('accepted');
      expect(accepted.body.history.map((h: { action: string }) => h.action)).toEqual([
        'create',
        'publish',
        'set_panel',
        'close',
        'start_evaluation',
        'declare_conflicts',
        'declare_conflicts',
        'declare_conflicts',
        'declare_conflicts',
        'declare_conflicts',
        'award',
        'reopen_award',
        'award',
      ]);
    });

    it('a winner’s decline after its deadline is 409; staff then lapse the award', async () => {
      // The clock is moved past respondBy = award time + AWARD_RESPONSE_DAYS.
      const { tree, staff } = await world();
      const p = await published(staff, tree.district);
      const org = await socialWorkOrg(tree.district);
      const bidId = (await bid(org.token, p.id).expect(201)).body.id;
      const panel = await evaluators(3);
      await ctx.http
        .put(`/api/procurement/projects/${p.id}/panel`)
        .set('Authorization', staff)
        .send({ evaluatorIds: panel.map((e) => e.id) })
        .expect(200);
      await closeBidding(staff, p);
      await evaluateLoneBid(ctx, staff, p.id, bidId, panel, 70);
      const awarded = await ctx.http
        .post(`/api/procurement/projects/${p.id}/award`)
        .set('Authorization', staff)
        .send({ bidId, justification: '唯一合格投标' })
        .expect(200);
      const respondBy = new Date(awarded.body.awards[0].respondBy);
      expect(respondBy.getTime() - clock.now().getTime()).toBe(
        ctx.config.procurement.awardResponseDays * 24 * HOUR,
      );
      setNow(new Date(respondBy.getTime() + 1_000));
      const late = await ctx.http
        .post(`/api/procurement/awards/${awarded.body.awards[0].id}/decline`)
        .set('Authorization', org.token)
        .send({ reason: '太晚了' })
        .expect(409);
      expect(late.body.code).toBe('AWARD_RESPONSE_CLOSED');
      // Staff lapse the unanswered award: the project is open for the next-ranked bid.
      const lapsed = await ctx.http
        .post(`/api/procurement/awards/${awarded.body.awards[0].id}/lapse`)
        .set('Authorization', staff)
        .send({})
        .expect(200);
      expect(lapsed.body.status).toBe('evaluating');
      expect(lapsed.body.awards[0]).toMatchObject({
        status: 'declined',
        declineReason: 'no answer by the deadline',
      });
    });
  });
});
