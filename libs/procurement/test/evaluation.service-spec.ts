import type { Principal } from '@onedoor/platform';
import { ProcurementModule } from '@onedoor/procurement';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { ModerationService } from '../src/evaluation/moderation.service';
import { RankingService } from '../src/evaluation/ranking.service';
import { bidBody, QUALITY, Tenders } from './tender';

type Sheet = Record<'A' | 'B' | 'C', number[][]>;

describe('Qualification, panel, scoring, ranking and award', () => {
  let ctx: ServiceContext;
  let t: Tenders;
  let rankings: RankingService;
  let moderation: ModerationService;

  beforeAll(async () => {
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    t = new Tenders(ctx);
    rankings = ctx.get(RankingService);
    moderation = ctx.get(ModerationService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('reads the evaluation state inside a transaction one query at a time', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    let inFlight = 0;
    let most = 0;
    await ctx.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      const query = runner.query.bind(runner);
      jest.spyOn(runner, 'query').mockImplementation(async (...args: Parameters<typeof query>) => {
        most = Math.max(most, (inFlight += 1));
        try {
          return await query(...args);
        } finally {
          inFlight -= 1;
        }
      });
      await rankings.state(p.id, manager);
    });
    // A transaction holds one connection: pg deprecates a query sent while another runs.
    expect(most).toBe(1);
  });

  it('runs a purchase from draft to award against figures computed by hand', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const orgs = {
      A: await ctx.factory.socialWorkOrg(tree.district),
      B: await ctx.factory.socialWorkOrg(tree.district),
      C: await ctx.factory.socialWorkOrg(tree.district),
      D: await ctx.factory.socialWorkOrg(tree.district),
    };
    const bid = async (org: { principal: Principal }, body: ReturnType<typeof bidBody>) =>
      (await t.bids.submit(p.id, body, org.principal)).id;
    const bids = {
      A: await bid(orgs.A, bidBody(900_000)),
      B: await bid(orgs.B, bidBody(800_000)),
      C: await bid(orgs.C, bidBody(450_000)),
      // One certified social worker, where 3 are required.
      D: await bid(orgs.D, bidBody(950_000, 1, 6)),
    };
    const panel = await t.evaluators(5);
    const [e1, e2, , , e5] = panel;
    await t.setPanel(staff, p.id, panel);
    await t.closeBidding(staff, p);

    // Qualification: the pre-check shows D short; qualifying it needs a reason.
    const d = await t.bids.get(bids.D, staff);
    expect(d.precheck).toEqual({
      met: false,
      checks: [
        { requirement: 'minCertifiedSocialWorkers', required: 3, actual: 1, met: false },
        { requirement: 'minYearsOperating', required: 2, actual: 6, met: true },
        { requirement: 'verified', required: true, actual: true, met: true },
      ],
    });
    await expect(t.projects.startEvaluation(p.id, staff)).rejects.toMatchObject({
      code: 'QUALIFICATION_PENDING',
    });
    await expect(t.bids.qualify(bids.D, 'qualified', {}, staff)).rejects.toMatchObject({
      code: 'QUALIFICATION_REASON_REQUIRED',
    });
    await expect(t.bids.qualify(bids.D, 'disqualified', {}, staff)).rejects.toMatchObject({
      code: 'QUALIFICATION_REASON_REQUIRED',
    });
    const dq = await t.bids.qualify(
      bids.D,
      'disqualified',
      { reasons: ['持证社工 1 名，少于要求的 3 名'] },
      staff,
    );
    expect(dq).toMatchObject({
      qualification: 'disqualified',
      qualificationReasons: ['持证社工 1 名，少于要求的 3 名'],
    });
    for (const id of [bids.A, bids.B, bids.C]) await t.bids.qualify(id, 'qualified', {}, staff);

    // Scoring waits for evaluation to start; the panel is fixed once it has.
    await expect(t.scoring.submitScores(bids.A, t.scores(80), e1)).rejects.toMatchObject({
      code: 'PROJECT_INVALID_TRANSITION',
    });
    await t.projects.startEvaluation(p.id, staff);
    await expect(t.setPanel(staff, p.id, panel.slice(0, 3))).rejects.toMatchObject({
      code: 'PANEL_LOCKED',
    });

    // Declarations first: scoring before them is refused.
    await expect(t.scoring.submitScores(bids.A, t.scores(80), e1)).rejects.toMatchObject({
      code: 'DECLARATION_REQUIRED',
    });
    for (const e of panel) {
      await t.panel.declare(
        p.id,
        [bids.A, bids.B, bids.C].map((bidId) => ({
          bidId,
          conflict: e === e5 && bidId === bids.B,
          note: e === e5 && bidId === bids.B ? '曾在该机构任职' : undefined,
        })),
        e,
      );
    }
    await expect(
      t.panel.declare(p.id, [{ bidId: bids.B, conflict: false }], e5),
    ).rejects.toMatchObject({ code: 'DECLARATION_LOCKED' });

    // Scores per evaluator (professional_qualification, internal_governance, human_resources, service_proposal).
    const sheet: Sheet = {
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
    const submit = (e: Principal, bidId: string, row: number[]) =>
      t.scoring.submitScores(bidId, t.scores(row), e);

    await expect(
      t.scoring.submitScores(
        bids.A,
        { scores: QUALITY.slice(0, 2).map((criterion) => ({ criterion, score: 80 })) },
        e1,
      ),
    ).rejects.toMatchObject({
      code: 'SCORES_INVALID',
      details: { missing: ['human_resources', 'service_proposal'] },
    });
    await submit(e1, bids.A, sheet.A[0]);
    await submit(e2, bids.A, sheet.A[1]);
    await expect(submit(e1, bids.A, [100, 100, 100, 100])).rejects.toMatchObject({
      code: 'SCORES_LOCKED',
    });
    await expect(submit(e5, bids.B, sheet.B[0])).rejects.toMatchObject({
      code: 'EVALUATOR_RECUSED',
    });

    // Before all are in, e1 sees its own scores, not e2's; the ranking is closed to evaluators.
    type Scores = Awaited<ReturnType<typeof t.scoring.scores>>;
    const entry = (body: Scores, id: string) => body.evaluators.find((x) => x.evaluatorId === id)!;
    const hidden = await t.scoring.scores(bids.A, e1);
    expect(hidden.allSubmitted).toBe(false);
    expect(
      entry(hidden, e1.userId)
        .scores.map((s) => s.score)
        .sort(),
    ).toEqual([70, 80, 80, 90]);
    expect(entry(hidden, e2.userId)).toMatchObject({ submitted: true, scores: [] });
    await expect(rankings.ranking(p.id, e1)).rejects.toMatchObject({
      code: 'SCORING_INCOMPLETE',
    });
    expect((await rankings.ranking(p.id, staff)).status).toBe('incomplete');

    for (let i = 2; i < 5; i += 1) await submit(panel[i], bids.A, sheet.A[i]);
    for (let i = 0; i < 4; i += 1) await submit(panel[i], bids.B, sheet.B[i]);
    for (let i = 0; i < 5; i += 1) await submit(panel[i], bids.C, sheet.C[i]);

    const shown = await t.scoring.scores(bids.A, e1);
    expect(shown.allSubmitted).toBe(true);
    expect(
      entry(shown, e2.userId)
        .scores.map((s) => s.score)
        .sort(),
    ).toEqual([40, 70, 80, 85]);

    // A's service proposal spreads 40…92 = 52 points: ranking waits for moderation.
    const blocked = await rankings.ranking(p.id, e1);
    expect(blocked.status).toBe('needs_moderation');
    expect(blocked.pendingModeration).toEqual([{ bidId: bids.A, criterion: 'service_proposal' }]);
    await expect(
      t.awards.award(p.id, { bidId: bids.C, justification: '综合得分第一' }, staff),
    ).rejects.toMatchObject({ code: 'RANKING_NOT_READY' });
    await expect(
      moderation.moderate(bids.B, { criterion: 'service_proposal', comment: '无需' }, staff),
    ).rejects.toMatchObject({ code: 'MODERATION_NOT_NEEDED' });
    const moderated = await moderation.moderate(
      bids.A,
      { criterion: 'service_proposal', comment: '评审 2 打分依据不足，经复核维持去极值后的均值' },
      staff,
    );
    expect(moderated.status).toBe('ranked');

    const ranking = await rankings.ranking(p.id, e2);
    const row = (id: string) => ranking.entries.find((x) => x.bidId === id)!;
    const crit = (id: string, code: string) => row(id).criteria.find((c) => c.code === code)!;
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
        .scores.filter((s) => s.trimmed)
        .map((s) => s.score)
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
    expect(ranking.entries.map((x) => x.bidId)).toEqual([bids.C, bids.B, bids.A]);
    expect(ranking.entries.some((x) => x.bidId === bids.D)).toBe(false);

    // Award: a lower bid needs a deviation reason; the abnormally low winner its justification.
    await expect(
      t.awards.award(p.id, { bidId: bids.B, justification: '服务经验丰富' }, staff),
    ).rejects.toMatchObject({
      code: 'AWARD_DEVIATION_UNJUSTIFIED',
      details: { bestBidId: bids.C },
    });
    await expect(
      t.awards.award(p.id, { bidId: bids.C, justification: '综合得分第一' }, staff),
    ).rejects.toMatchObject({ code: 'PRICE_JUSTIFICATION_REQUIRED' });
    await expect(
      moderation.justifyPrice(bids.A, '不是低价', orgs.A.principal),
    ).rejects.toMatchObject({ code: 'PRICE_NOT_ABNORMAL' });
    const justified = await moderation.justifyPrice(
      bids.C,
      '机构自有场地与志愿者团队，人力成本低',
      orgs.C.principal,
    );
    // The bidder gets its bid back, never the panel's scores.
    expect(justified).toMatchObject({
      id: bids.C,
      priceJustification: '机构自有场地与志愿者团队，人力成本低',
    });
    expect((justified as unknown as { entries?: unknown }).entries).toBeUndefined();
    const awarded = await t.awards.award(
      p.id,
      { bidId: bids.C, justification: '综合得分第一' },
      staff,
    );
    expect(awarded.status).toBe('awarded');
    expect(awarded.awards).toEqual([
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
    const awardId = awarded.awards[0].id;
    await expect(
      t.awards.respond(awardId, 'declined', '不是我们的', orgs.B.principal),
    ).rejects.toMatchObject({ code: 'AWARD_NOT_FOUND' });
    const declined = await t.awards.respond(
      awardId,
      'declined',
      '核心社工离职，无法按期履约',
      orgs.C.principal,
    );
    expect(declined.status).toBe('evaluating');
    // The ranking is frozen once awarded: no re-moderation to reorder the next bids.
    await expect(
      moderation.moderate(
        bids.A,
        { criterion: 'service_proposal', comment: '改为 95', score: 95 },
        staff,
      ),
    ).rejects.toMatchObject({ code: 'PROJECT_INVALID_TRANSITION' });
    await expect(
      t.awards.award(p.id, { bidId: bids.C, justification: '再次授予' }, staff),
    ).rejects.toMatchObject({ code: 'BID_NOT_LIVE' });
    const next = await t.awards.award(
      p.id,
      { bidId: bids.B, justification: '第一名放弃，依次递补排名第二的投标人' },
      staff,
    );
    expect(next.status).toBe('awarded');
    expect(next.awards.map((a) => [a.bidId, a.status])).toEqual([
      [bids.C, 'declined'],
      [bids.B, 'pending'],
    ]);
    const accepted = await t.awards.respond(next.awards[1].id, 'accepted', null, orgs.B.principal);
    expect(accepted.awards[1].status).toBe('accepted');
    expect(accepted.history.map((h) => h.action)).toEqual([
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
});
