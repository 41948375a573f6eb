import type { Principal } from '@onedoor/platform';
import {
  BidsService,
  MilestonesService,
  PerformanceService,
  ProcurementModule,
} from '@onedoor/procurement';
import { PROJECT_CRITERIA } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { ContractsService } from '../src/contracts/contracts.service';
import { DAY, Tenders } from './tender';

type Sheet = [number, number, number, number];

describe('Contracts: milestones, payments, performance grades and suspension', () => {
  let ctx: ServiceContext;
  let t: Tenders;
  let milestones: MilestonesService;
  let performance: PerformanceService;
  let contracts: ContractsService;

  beforeAll(async () => {
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    t = new Tenders(ctx);
    milestones = ctx.get(MilestonesService);
    performance = ctx.get(PerformanceService);
    contracts = ctx.get(ContractsService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  /** Opens an evaluation with a government, third-party and recipient evaluator. */
  async function openEvaluation(staff: Principal, contractId: string, kind: 'mid_term' | 'final') {
    const panel = await t.evaluators(3);
    const [gov, expert, resident] = panel;
    const opened = await performance.open(
      contractId,
      {
        kind,
        evaluators: [
          { userId: gov.userId, type: 'government' },
          { userId: expert.userId, type: 'third_party' },
          { userId: resident.userId, type: 'recipient_representative' },
        ],
      },
      staff,
    );
    const evaluation = opened.evaluations.find((e) => e.status === 'open')!;
    return { evaluationId: evaluation.id, panel };
  }

  async function scoreAndComplete(
    staff: Principal,
    evaluationId: string,
    panel: Principal[],
    sheets: Sheet[],
  ) {
    for (const [i, e] of panel.entries()) {
      const [administrativeSupervision, serviceOutcomes, projectManagement, socialImpact] =
        sheets[i];
      await performance.submit(
        evaluationId,
        { administrativeSupervision, serviceOutcomes, projectManagement, socialImpact },
        e,
      );
    }
    return performance.complete(evaluationId, staff);
  }

  it('pays a met milestone only under a passing evaluation; grades from weighted dimensions; a fail suspends bidding for the configured period', async () => {
    const { tree, staff, org, contract } = await t.awardedContract({
      evaluationWeights: {
        administrativeSupervision: 10,
        serviceOutcomes: 50,
        projectManagement: 20,
        socialImpact: 20,
      },
    });
    const [m1, m2] = contract.milestones;
    const met = await milestones.decideMilestone(
      contract.id,
      m1.id,
      { outcome: 'met', evidence: '评估报告 120 份，服务计划已备案' },
      staff,
    );
    // No evaluation yet: payable, waiting, nothing paid.
    expect(met.milestones[0]).toMatchObject({
      outcome: 'met',
      payableFen: 320_000,
      paymentStatus: 'waiting',
    });
    expect(met.payments).toEqual([]);
    await expect(
      milestones.decideMilestone(
        contract.id,
        m1.id,
        { outcome: 'not_met', evidence: '改判' },
        staff,
      ),
    ).rejects.toMatchObject({ code: 'MILESTONE_ALREADY_DECIDED' });

    // A failing evaluation: every dimension 50 → 50 → fail. The payment keeps waiting.
    const first = await openEvaluation(staff, contract.id, 'mid_term');
    const failed = await scoreAndComplete(staff, first.evaluationId, first.panel, [
      [50, 50, 50, 50],
      [50, 50, 50, 50],
      [50, 50, 50, 50],
    ]);
    expect(failed).toMatchObject({ status: 'completed', finalScore: 50, grade: 'fail' });
    let view = await contracts.get(contract.id, staff);
    expect(view).toMatchObject({ latestGrade: 'fail', payments: [], paidFen: 0 });
    expect(view.milestones[0].paymentStatus).toBe('waiting');
    // Completing now would strand the waiting payment.
    await expect(contracts.complete(contract.id, staff)).rejects.toMatchObject({
      code: 'PAYMENTS_WAITING',
    });

    // The organization comments within 14 days.
    const commented = await performance.comment(
      first.evaluationId,
      '中期服务对象流动较大，已调整方案',
      org.principal,
    );
    expect(commented.providerComment).toBe('中期服务对象流动较大，已调整方案');
    // Once: a second comment does not rewrite the record.
    await expect(
      performance.comment(first.evaluationId, '改口', org.principal),
    ).rejects.toMatchObject({ code: 'COMMENT_ALREADY_GIVEN' });

    // Its next bid is refused for the configured months, and allowed after.
    const staff2 = await ctx.factory.principal('civil_affairs', tree.district);
    const other = await t.projects.create(
      {
        title: '另一个项目',
        categoryCode: 'care',
        areaId: tree.district.id,
        budgetFen: 500_000,
        targetHouseholds: 10,
        serviceStart: '2028-01-01',
        serviceEnd: '2028-12-31',
        description: '照料服务',
        requirements: { minCertifiedSocialWorkers: 0, minYearsOperating: 0 },
        criteria: PROJECT_CRITERIA,
      },
      staff2,
    );
    await t.projects.publish(other.id, new Date(Date.now() + 500 * DAY), staff2);
    const bidBody = {
      priceFen: 400_000,
      proposal: '照料方案',
      team: { certifiedSocialWorkers: 2, yearsOperating: 5 },
    };
    const bids = ctx.get(BidsService);
    const refused = await bids.submit(other.id, bidBody, org.principal).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'PROVIDER_SUSPENDED_FROM_BIDDING' });
    const until = new Date((refused as { details: { until: string } }).details.until);
    const months = ctx.config.procurement.failSuspensionMonths;
    const expected = new Date(failed.completedAt!);
    expected.setUTCMonth(expected.getUTCMonth() + months);
    expect(until.toISOString()).toBe(expected.toISOString());
    t.setNow(new Date(until.getTime() - 60_000));
    await expect(bids.submit(other.id, bidBody, org.principal)).rejects.toMatchObject({
      code: 'PROVIDER_SUSPENDED_FROM_BIDDING',
    });
    t.setNow(new Date(until.getTime() + 60_000));
    expect((await bids.submit(other.id, bidBody, org.principal)).status).toBe('submitted');
    jest.restoreAllMocks();

    // A passing evaluation with the project's weights 10/50/20/20:
    //   gov 90,80,70,60 → 9 + 40 + 14 + 12 = 75; expert 100,90,80,90 → 10 + 45 + 16 + 18 = 89;
    //   resident 70,85,90,80 → 7 + 42.5 + 18 + 16 = 83.5; mean (75 + 89 + 83.5) / 3 = 82.5 → good.
    const second = await openEvaluation(staff, contract.id, 'final');
    const passed = await scoreAndComplete(staff, second.evaluationId, second.panel, [
      [90, 80, 70, 60],
      [100, 90, 80, 90],
      [70, 85, 90, 80],
    ]);
    expect(passed).toMatchObject({ finalScore: 82.5, grade: 'good' });
    expect(passed.evaluators.map((e) => e.total)).toEqual(expect.arrayContaining([75, 89, 83.5]));
    view = await contracts.get(contract.id, staff);
    // The waiting 40% (of 800,000) is paid under the passing evaluation.
    expect(view.payments).toEqual([
      expect.objectContaining({
        milestoneId: m1.id,
        amountFen: 320_000,
        evaluationId: second.evaluationId,
      }),
    ]);
    expect(view.milestones[0].paymentStatus).toBe('paid');

    // Partially met at 50% with a passing latest evaluation: paid at once, pro rata (480,000 × 50%).
    const partial = await milestones.decideMilestone(
      contract.id,
      m2.id,
      { outcome: 'partially_met', deliveredPercent: 50, evidence: '完成 15 户' },
      staff,
    );
    expect(partial.payments.map((p) => p.amountFen)).toEqual([320_000, 240_000]);
    expect(partial.paidFen).toBe(560_000);

    // The rating is the mean of the organization's completed evaluations: (50 + 82.5) / 2.
    const [{ rating }] = await ctx.dataSource.query(
      `SELECT rating::float8 AS rating FROM provider WHERE id = $1`,
      [org.provider.id],
    );
    expect(rating).toBe(66.25);

    // Completion closes the contracted resource.
    const done = await contracts.complete(contract.id, staff);
    expect(done.status).toBe('completed');
    const [{ status }] = await ctx.dataSource.query(`SELECT status FROM resource WHERE id = $1`, [
      contract.resourceId,
    ]);
    expect(status).toBe('closed');
    const closeRows = await ctx.dataSource.query(
      `SELECT from_state AS "from", reason FROM audit_log
        WHERE entity_type = 'resource' AND entity_id = $1 AND action = 'close'`,
      [contract.resourceId],
    );
    expect(closeRows).toEqual([{ from: 'published', reason: 'contract completed' }]);
  });
});
