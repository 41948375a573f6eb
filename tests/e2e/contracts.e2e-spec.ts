import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Clock } from '@onedoor/platform';
import { ocdsPackageValidator } from '@onedoor/procurement/ocds/ocds-schema';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';
import { type Evaluator, evaluateLoneBid, newEvaluators } from './support/procurement';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CRITERIA = [
  { code: 'price', name: '价格', weight: 30 },
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The parts of an OCDS release the test reads. */
type OcdsRelease = {
  ocid: string;
  tag: string[];
  tender: { status: string };
  contracts: Array<{
    milestones: Array<{ status: string }>;
    implementation: { transactions: unknown[] };
  }>;
};

describe('Contracts, milestones, performance evaluations and the OCDS export (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;

  beforeAll(async () => {
    ctx = await startApi({
      PROCUREMENT_MIN_BIDDING_HOURS: '0',
      FILES_DIR: join(tmpdir(), 'onedoor-e2e-files'),
    });
    clock = ctx.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const setNow = (at: Date) => jest.spyOn(clock, 'now').mockReturnValue(at);

  const evaluators = (n: number) => newEvaluators(ctx, n);

  /**
   * Runs a tender to an accepted award through the API: a legal-aid service for the district,
   * paid 40% then 60%, one bid of 800,000 fen; returns the contract.
   */
  async function awardedProject(extra: Record<string, unknown> = {}) {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const org = await ctx.newProviderWithUser(tree.district, { kind: 'social_work_org' });
    const today = new Date();
    const project = (
      await ctx.http
        .post('/api/procurement/projects')
        .set('Authorization', staff)
        .send({
          title: '社区法律援助服务项目',
          categoryCode: 'legal_aid',
          areaId: tree.district.id,
          budgetFen: 1_000_000,
          targetHouseholds: 30,
          serviceStart: isoDate(new Date(today.getTime() - DAY)),
          serviceEnd: isoDate(new Date(today.getTime() + 365 * DAY)),
          description: '为困难家庭提供法律咨询与代理',
          requirements: { minCertifiedSocialWorkers: 1, minYearsOperating: 1 },
          criteria: CRITERIA,
          milestones: [
            {
              deliverable: '完成需求评估与服务计划',
              dueDate: isoDate(new Date(today.getTime() + 90 * DAY)),
              sharePercent: 40,
            },
            {
              deliverable: '完成全部个案服务',
              dueDate: isoDate(new Date(today.getTime() + 360 * DAY)),
              sharePercent: 60,
            },
          ],
          ...extra,
        })
        .expect(201)
    ).body;
    const closesAt = new Date(Date.now() + HOUR);
    await ctx.http
      .post(`/api/procurement/projects/${project.id}/publish`)
      .set('Authorization', staff)
      .send({ closesAt: closesAt.toISOString() })
      .expect(200);
    const bidId = (
      await ctx.http
        .post(`/api/procurement/projects/${project.id}/bids`)
        .set('Authorization', org.token)
        .send({
          priceFen: 800_000,
          proposal: '法律援助方案',
          team: { certifiedSocialWorkers: 3, yearsOperating: 5 },
        })
        .expect(201)
    ).body.id;
    const panel = await evaluators(3);
    await ctx.http
      .put(`/api/procurement/projects/${project.id}/panel`)
      .set('Authorization', staff)
      .send({ evaluatorIds: panel.map((e) => e.id) })
      .expect(200);
    setNow(new Date(closesAt.getTime() + 1_000));
    await ctx.http
      .post(`/api/procurement/projects/${project.id}/close-bidding`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    jest.restoreAllMocks();
    await evaluateLoneBid(ctx, staff, project.id, bidId, panel, 80);
    const awarded = await ctx.http
      .post(`/api/procurement/projects/${project.id}/award`)
      .set('Authorization', staff)
      .send({ bidId, justification: '唯一合格投标，得分合格' })
      .expect(200);
    const accepted = await ctx.http
      .post(`/api/procurement/awards/${awarded.body.awards[0].id}/accept`)
      .set('Authorization', org.token)
      .send({})
      .expect(200);
    expect(accepted.body.awards[0].status).toBe('accepted');
    const contracts = await ctx.http
      .get('/api/contracts')
      .set('Authorization', org.token)
      .expect(200);
    const summary = contracts.body.items.find(
      (c: { projectId: string }) => c.projectId === project.id,
    );
    const contract = (
      await ctx.http.get(`/api/contracts/${summary.id}`).set('Authorization', staff).expect(200)
    ).body;
    return { tree, staff, org, project, bidId, contract };
  }

  async function openEvaluation(staff: string, contractId: string, kind: 'mid_term' | 'final') {
    const [gov, expert, resident] = await evaluators(3);
    const res = await ctx.http
      .post(`/api/contracts/${contractId}/evaluations`)
      .set('Authorization', staff)
      .send({
        kind,
        evaluators: [
          { userId: gov.id, type: 'government' },
          { userId: expert.id, type: 'third_party' },
          { userId: resident.id, type: 'recipient_representative' },
        ],
      })
      .expect(201);
    const evaluation = res.body.evaluations.find((e: { status: string }) => e.status === 'open');
    return { evaluationId: evaluation.id as string, panel: [gov, expert, resident] };
  }

  async function scoreAndComplete(
    staff: string,
    evaluationId: string,
    panel: Evaluator[],
    sheets: Array<[number, number, number, number]>,
  ) {
    for (const [i, e] of panel.entries()) {
      const [administrativeSupervision, serviceOutcomes, projectManagement, socialImpact] =
        sheets[i];
      await ctx.http
        .post(`/api/evaluations/${evaluationId}/scores`)
        .set('Authorization', e.token)
        .send({ administrativeSupervision, serviceOutcomes, projectManagement, socialImpact })
        .expect(200);
    }
    return (
      await ctx.http
        .post(`/api/evaluations/${evaluationId}/complete`)
        .set('Authorization', staff)
        .send({})
        .expect(200)
    ).body;
  }

  describe('with the matcher process', () => {
    withMatcher();

    it('award → contract → a published resource of the winner, found by coversArea and matched; evaluation evidence from its referrals', async () => {
      const { tree, staff, org, project, contract } = await awardedProject();
      expect(contract).toMatchObject({
        projectId: project.id,
        providerId: org.provider.id,
        valueFen: 800_000,
        status: 'active',
        periodStart: project.serviceStart,
        periodEnd: project.serviceEnd,
      });
      expect(
        contract.milestones.map(
          (m: { sharePercent: number; amountFen: number; outcome: string }) => [
            m.sharePercent,
            m.amountFen,
            m.outcome,
          ],
        ),
      ).toEqual([
        [40, 320_000, 'scheduled'],
        [60, 480_000, 'scheduled'],
      ]);

      const pool = await ctx.http
        .get(`/api/resources?coversArea=${tree.communityA.id}&limit=100`)
        .set('Authorization', staff)
        .expect(200);
      const resource = pool.body.items.find((r: { id: string }) => r.id === contract.resourceId);
      expect(resource).toMatchObject({
        status: 'published',
        categoryCode: 'legal_aid',
        capacity: 30,
        provider: { id: org.provider.id },
      });

      // Three households with a legal-aid need in community A are proposed the contracted service.
      const assessor = await ctx.tokenFor('assessor', tree.streetA);
      for (let i = 0; i < 3; i += 1) {
        const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
          legal_dispute: true,
        });
        const proposal = await eventually(
          async () => {
            const needs = (
              await ctx.http
                .get(`/api/households/${household.id}/matches`)
                .set('Authorization', staff)
                .expect(200)
            ).body;
            return needs
              .flatMap(
                (n: { proposals: Array<{ id: string; resourceId: string; status: string }> }) =>
                  n.proposals,
              )
              .find(
                (p: { resourceId: string; status: string }) =>
                  p.resourceId === contract.resourceId && p.status === 'proposed',
              );
          },
          20_000,
          'a proposal of the contracted service',
        );
        await ctx.http
          .post(`/api/matches/${proposal.id}/approve`)
          .set('Authorization', staff)
          .send({})
          .expect(201);
      }
      const ids = (
        await ctx.http
          .get(`/api/referrals?providerId=${org.provider.id}&limit=100`)
          .set('Authorization', org.token)
          .expect(200)
      ).body.items.map((r: { id: string }) => r.id);
      expect(ids).toHaveLength(3);
      const [r1, r2, r3] = ids as string[];
      const step = (id: string, action: string, token: string, body: object = {}) =>
        ctx.http
          .post(`/api/referrals/${id}/${action}`)
          .set('Authorization', token)
          .send(body)
          .expect(200);
      // R1: accepted and delivered in time, closed resolved, satisfaction 5.
      await step(r1, 'accept', org.token);
      await step(r1, 'deliver', org.token);
      await step(r1, 'close', staff, { satisfaction: 5, resolved: true });
      // R2: accepted 73 h after approval (the accept deadline is 72 h), delivered in time,
      // closed unresolved, satisfaction 3.
      setNow(new Date(Date.now() + 73 * HOUR));
      await step(r2, 'accept', org.token);
      await step(r2, 'deliver', org.token);
      await step(r2, 'close', staff, { satisfaction: 3, resolved: false });
      jest.restoreAllMocks();
      // R3: declined.
      await step(r3, 'decline', org.token, { reason: 'capacity' });

      const { evaluationId } = await openEvaluation(staff, contract.id, 'mid_term');
      const evaluation = (
        await ctx.http
          .get(`/api/evaluations/${evaluationId}`)
          .set('Authorization', staff)
          .expect(200)
      ).body;
      expect(evaluation.evidence).toEqual({
        referrals: 3,
        acceptedWithinDeadline: 1,
        deliveredWithinDeadline: 2,
        closedResolved: 1,
        meanSatisfaction: 4,
        satisfactionResponses: 2,
      });

      // The contracts report shows the same evidence, in JSON and in CSV.
      const q = `/api/reports/contracts?areaId=${tree.district.id}`;
      const report = (await ctx.http.get(q).set('Authorization', staff).expect(200)).body;
      const expected = {
        key: contract.id,
        providerName: org.provider.name,
        status: 'active',
        valueFen: 800_000,
        milestones: 2,
        milestonesMet: 0,
        paidFen: 0,
        latestGrade: null,
        referrals: 3,
        acceptedWithinDeadline: 1,
        deliveredWithinDeadline: 2,
        closedResolved: 1,
        meanSatisfaction: 4,
      };
      expect(report.rows).toEqual([expect.objectContaining(expected)]);
      expect(report.total).toMatchObject({ key: 'total', valueFen: 800_000, referrals: 3 });
      const csv = await ctx.http.get(`${q}&format=csv`).set('Authorization', staff).expect(200);
      const [row, total] = parse(csv.text, { bom: true, columns: true }) as Array<
        Record<string, string>
      >;
      // Chinese headers, the amount in yuan, the status code and its label.
      expect(row).toMatchObject({
        合同编号: contract.id,
        合同状态代码: 'active',
        合同状态: '履行中',
        '合同金额(元)': '8000.00',
        '已支付(元)': '0.00',
        最近评估等级: '',
        转介数: '3',
        平均满意度: '4',
      });
      expect(total).toMatchObject({
        合同编号: 'total',
        已结案且解决: '1',
        '合同金额(元)': '8000.00',
      });
      const english = await ctx.http
        .get(`${q}&format=csv`)
        .set('Authorization', staff)
        .set('Accept-Language', 'en-US,en;q=0.9')
        .expect(200);
      const [enRow] = parse(english.text, { bom: true, columns: true }) as Array<
        Record<string, string>
      >;
      expect(enRow).toMatchObject({ 'Value (yuan)': '8000.00', Status: 'Active' });
    });
  });

  // Payment gating, grades, the bidding suspension, the rating and what completion closes are
  // the contracts service test's (libs/procurement/test); here, the routes' statuses and the
  // contracts report's figures.
  it('decides milestones and evaluations over HTTP; the contracts report counts milestones, payments and the latest grade', async () => {
    const { tree, staff, org, contract } = await awardedProject({
      evaluationWeights: {
        administrativeSupervision: 10,
        serviceOutcomes: 50,
        projectManagement: 20,
        socialImpact: 20,
      },
    });
    const [m1, m2] = contract.milestones;
    const met = await ctx.http
      .post(`/api/contracts/${contract.id}/milestones/${m1.id}/outcome`)
      .set('Authorization', staff)
      .send({ outcome: 'met', evidence: '评估报告 120 份，服务计划已备案' })
      .expect(200);
    expect(met.body.milestones[0]).toMatchObject({
      outcome: 'met',
      payableFen: 320_000,
      paymentStatus: 'waiting',
    });
    const redecided = await ctx.http
      .post(`/api/contracts/${contract.id}/milestones/${m1.id}/outcome`)
      .set('Authorization', staff)
      .send({ outcome: 'not_met', evidence: '改判' })
      .expect(409);
    expect(redecided.body.code).toBe('MILESTONE_ALREADY_DECIDED');
    const stranded = await ctx.http
      .post(`/api/contracts/${contract.id}/complete`)
      .set('Authorization', staff)
      .send({})
      .expect(409);
    expect(stranded.body.code).toBe('PAYMENTS_WAITING');
    // The list names the organization and the next milestone due (m1 is decided: m2's).
    const listed = await ctx.http.get('/api/contracts').set('Authorization', staff).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === contract.id)).toMatchObject({
      providerName: org.provider.name,
      nextMilestoneDue: m2.dueDate,
    });
    expect(contract.nextMilestoneDue).toBe(m1.dueDate);

    // gov 75, expert 89, resident 83.5 under the weights 10/50/20/20: 82.5 → good.
    const evaluation = await openEvaluation(staff, contract.id, 'final');
    const passed = await scoreAndComplete(staff, evaluation.evaluationId, evaluation.panel, [
      [90, 80, 70, 60],
      [100, 90, 80, 90],
      [70, 85, 90, 80],
    ]);
    expect(passed).toMatchObject({ finalScore: 82.5, grade: 'good' });
    // Partially met at 50% (480,000 × 50%) beside the 40% paid under the evaluation.
    const partial = await ctx.http
      .post(`/api/contracts/${contract.id}/milestones/${m2.id}/outcome`)
      .set('Authorization', staff)
      .send({ outcome: 'partially_met', deliveredPercent: 50, evidence: '完成 15 户' })
      .expect(200);
    expect(partial.body.payments.map((p: { amountFen: number }) => p.amountFen)).toEqual([
      320_000, 240_000,
    ]);
    expect(partial.body.paidFen).toBe(560_000);
    const report = (
      await ctx.http
        .get(`/api/reports/contracts?areaId=${tree.district.id}`)
        .set('Authorization', staff)
        .expect(200)
    ).body;
    expect(report.rows).toEqual([
      expect.objectContaining({
        key: contract.id,
        milestonesMet: 1,
        milestonesPartiallyMet: 1,
        milestonesNotMet: 0,
        paidFen: 560_000,
        waitingFen: 0,
        latestGrade: 'good',
        latestScore: 82.5,
      }),
    ]);
    const done = await ctx.http
      .post(`/api/contracts/${contract.id}/complete`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    expect(done.body.status).toBe('completed');
  });

  it('lists an evaluator’s own performance evaluations (assignedTo=me), unscored first', async () => {
    const { staff, org, contract } = await awardedProject();
    const { evaluationId, panel } = await openEvaluation(staff, contract.id, 'mid_term');
    const [outsider] = await evaluators(1);
    const mine = async (token: string) =>
      (await ctx.http.get('/api/evaluations?assignedTo=me').set('Authorization', token).expect(200))
        .body as Array<Record<string, unknown>>;

    expect(await mine(panel[2].token)).toEqual([
      {
        id: evaluationId,
        contractId: contract.id,
        contractTitle: contract.title,
        providerName: expect.any(String),
        kind: 'mid_term',
        status: 'open',
        type: 'recipient_representative',
        submitted: false,
        openedAt: expect.any(String),
      },
    ]);
    await ctx.http
      .post(`/api/evaluations/${evaluationId}/scores`)
      .set('Authorization', panel[2].token)
      .send({
        administrativeSupervision: 80,
        serviceOutcomes: 80,
        projectManagement: 80,
        socialImpact: 80,
      })
      .expect(200);
    expect(await mine(panel[2].token)).toEqual([
      expect.objectContaining({ id: evaluationId, submitted: true }),
    ]);
    // Only the caller's own assignments; the parameter is required and has one value.
    expect(await mine(outsider.token)).toEqual([]);
    await ctx.http.get('/api/evaluations').set('Authorization', outsider.token).expect(400);
    await ctx.http
      .get('/api/evaluations?assignedTo=all')
      .set('Authorization', outsider.token)
      .expect(400);
    await ctx.http
      .get('/api/evaluations?assignedTo=me')
      .set('Authorization', org.token)
      .expect(403);
  });

  it('exports an awarded project with its contract and a paid milestone as OCDS 1.1 that validates', async () => {
    const { staff, org, project, contract } = await awardedProject();
    const [m1] = contract.milestones;
    const evaluation = await openEvaluation(staff, contract.id, 'mid_term');
    await scoreAndComplete(staff, evaluation.evaluationId, evaluation.panel, [
      [80, 80, 80, 80],
      [80, 80, 80, 80],
      [80, 80, 80, 80],
    ]);
    await ctx.http
      .post(`/api/contracts/${contract.id}/milestones/${m1.id}/outcome`)
      .set('Authorization', staff)
      .send({ outcome: 'met', evidence: '已完成' })
      .expect(200);

    const res = await ctx.http
      .get(`/api/procurement/projects/${project.id}/ocds`)
      .set('Authorization', org.token)
      .expect(200);
    const validation = ocdsPackageValidator()(res.body);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    const releases = res.body.releases as Array<OcdsRelease>;
    expect(new Set(releases.map((r) => r.ocid))).toEqual(
      new Set([`${ctx.config.procurement.ocidPrefix}-${project.id}`]),
    );
    expect(releases.map((r) => r.tag)).toEqual([
      ['tender'],
      ['tenderUpdate'],
      ['award'],
      ['contract'],
      ['implementation'],
    ]);
    const last = releases.at(-1)!;
    expect(last.tender.status).toBe('complete');
    expect(last.contracts[0].implementation.transactions).toEqual([
      expect.objectContaining({ value: { amount: 3_200, currency: 'CNY' } }),
    ]);
    expect(last.contracts[0].milestones[0].status).toBe('met');
    // A second export is the same document apart from its publication date.
    const again = await ctx.http
      .get(`/api/procurement/projects/${project.id}/ocds`)
      .set('Authorization', staff)
      .expect(200);
    expect({ ...again.body, publishedDate: null }).toEqual({ ...res.body, publishedDate: null });
  });

  it('takes milestone evidence files from staff in scope and lets the contract’s readers download them', async () => {
    const { staff, org, contract } = await awardedProject();
    const milestone = contract.milestones[0].id as string;
    const base = `/api/contracts/${contract.id}/milestones/${milestone}/files`;
    const scan = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    const up = await ctx.http
      .post(base)
      .set('Authorization', staff)
      .attach('file', scan, { filename: '签到表.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(up.body).toMatchObject({ name: '签到表.jpg', contentType: 'image/jpeg', size: 104 });
    // Staff of another district, and the organization itself, cannot attach evidence.
    const elsewhere = await ctx.tokenFor('civil_affairs', (await ctx.newDistrict()).district);
    for (const [token, status] of [
      [elsewhere, 404],
      [org.token, 403],
    ] as const) {
      await ctx.http
        .post(base)
        .set('Authorization', token)
        .attach('file', scan, { filename: 'x.jpg', contentType: 'image/jpeg' })
        .expect(status);
    }
    await ctx.http
      .post(base)
      .set('Authorization', staff)
      .attach('file', Buffer.from('MZ\x90\x00 a program'), { filename: 'x.jpg' })
      .expect(415);
    for (const token of [staff, org.token]) {
      const listed = await ctx.http.get(base).set('Authorization', token).expect(200);
      expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
      const got = await ctx.http
        .get(`${base}/${up.body.id}`)
        .set('Authorization', token)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(got.body as Buffer, scan)).toBe(0);
      expect(got.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('签到表.jpg')}`,
      );
    }
    await ctx.http.get(base).set('Authorization', elsewhere).expect(404);
    // A file is reached through its own milestone only.
    await ctx.http
      .get(
        `/api/contracts/${contract.id}/milestones/${contract.milestones[1].id}/files/${up.body.id}`,
      )
      .set('Authorization', staff)
      .expect(404);
  });
});
