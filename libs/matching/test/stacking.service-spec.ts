import { randomUUID } from 'node:crypto';
import type { AreaEntity } from '@onedoor/areas';
import {
  AssistanceEntriesRepository,
  LEDGER_ERROR_MESSAGES,
  type NewAssistanceEntry,
} from '@onedoor/ledger';
import {
  ApprovalsService,
  MatchingModule,
  MatchRunService,
  ReferralsService,
} from '@onedoor/matching';
import {
  Clock,
  DomainError,
  jobIds,
  MatchingQueueProducer,
  type Principal,
} from '@onedoor/platform';
import type { ResourceEntity } from '@onedoor/resources';
import type { District } from '../../../tests/factories';
import type { NeedMatchesDto } from '../src/dto/match.dto';
import { BulkApprovalsService } from '../src/bulk-approvals.service';
import { MatchProposalsService } from '../src/match-proposals.service';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/** 12:00 in Beijing on that date. */
const beijingNoon = (day: string) => new Date(`${day}T04:00:00.000Z`);
const YUAN = 100;

describe('stacking rules in the matcher and the approval', () => {
  let ctx: ServiceContext;
  let matcher: MatchRunService;
  let approvals: ApprovalsService;
  let views: MatchProposalsService;
  let entries: AssistanceEntriesRepository;
  let clock: Clock;
  let tree: District;
  let staff: Principal;
  let assessorId: string;

  beforeAll(async () => {
    // Every candidate proposed (the leukaemia case has four), none cut by the top K.
    ctx = await startServices([MatchingModule], { MATCH_TOP_K: '5' });
    matcher = ctx.get(MatchRunService);
    approvals = ctx.get(ApprovalsService);
    views = ctx.get(MatchProposalsService);
    entries = ctx.get(AssistanceEntriesRepository);
    clock = ctx.get(Clock);
    tree = await ctx.factory.district();
    staff = await ctx.factory.principal('civil_affairs', tree.district);
    assessorId = (await ctx.factory.user('assessor', tree.communityA)).id;
  });
  beforeEach(() => {
    clock.now = () => beijingNoon('2026-12-02');
  });
  afterAll(() => ctx.close());

  /**
   * A household of community A assessed (a completed assessment with its eligibility facts, as
   * the assessment leaves it) with these open needs.
   */
  const assessedHousehold = async (
    needs: Array<{ category: string; gapFen?: number }>,
  ): Promise<{ id: string; needIds: string[] }> => {
    const household = await ctx.factory.household({
      community: tree.communityA,
      tier: 'subsistence',
    });
    const facts = {
      tier: 'subsistence',
      circle: 1,
      perCapitaIncomeRatio: 0.4,
      memberAges: [45],
      hasDisability: false,
      hasChronicIllness: true,
      residency: 'local',
      householdSize: 1,
      childrenInSchool: 0,
      tags: [],
    };
    const [assessment] = await ctx.dataSource.query(
      `INSERT INTO assessment (household_id, template_id, status, assessor_id, facts_snapshot, completed_at)
       VALUES ($1, (SELECT id FROM assessment_template ORDER BY created_at LIMIT 1), 'completed', $2, $3, now())
       RETURNING id`,
      [household.id, assessorId, JSON.stringify({ eligibility: facts })],
    );
    const needIds: string[] = [];
    for (const n of needs) {
      const [row] = await ctx.dataSource.query(
        `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, gap_fen)
         VALUES ($1, $2, $3, 4, 'normal', 'assessor', $4) RETURNING id`,
        [household.id, assessment.id, n.category, n.gapFen ?? null],
      );
      needIds.push(row.id);
    }
    return { id: household.id, needIds };
  };

  const provider = (name: string, kind: 'government' | 'charity' = 'government') =>
    ctx.factory.provider(tree.district, { name: `${name} ${randomUUID().slice(0, 4)}`, kind });

  /** A published cash resource covering community A. */
  const cash = async (
    title: string,
    categoryCode: string,
    valuePerUnitFen: number,
    by: Awaited<ReturnType<typeof provider>>,
    coverage: AreaEntity = tree.communityA,
  ): Promise<ResourceEntity> =>
    ctx.factory.resource(by, coverage, { title, categoryCode, form: 'cash', valuePerUnitFen });

  const proposalsOf = async (needId: string) =>
    (await ctx.dataSource.query(
      `SELECT id, resource_id AS "resourceId", status FROM match_proposal WHERE need_id = $1`,
      [needId],
    )) as Array<{ id: string; resourceId: string; status: string }>;
  const proposalFor = async (needId: string, resourceId: string) =>
    (await proposalsOf(needId)).find((p) => p.resourceId === resourceId)!;
  const needView = async (householdId: string, needId: string): Promise<NeedMatchesDto> =>
    (await views.forHousehold(householdId, staff)).find((n) => n.needId === needId)!;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the approval to be refused');
      },
      (error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        return error as DomainError & { details: Record<string, unknown> };
      },
    );
  const departmentEntry = (
    householdId: string,
    over: Partial<NewAssistanceEntry>,
  ): Promise<string[]> =>
    entries.insertMany(ctx.dataSource.manager, [
      {
        householdId,
        source: 'entry',
        grantedBy: '和平区民政局',
        categoryCode: 'basic_living',
        title: '临时救助',
        form: 'cash',
        frequency: 'monthly',
        amountFen: 80_000,
        startsOn: '2026-10-03',
        endsOn: null,
        areaPath: tree.communityA.path,
        tier: 'subsistence',
        residency: 'local',
        recordedById: null,
        ...over,
      },
    ]);

  it('the leukaemia case: three medical sources stack to exactly the gap, a fourth is refused', async () => {
    const government = await provider('和平区医疗保障局');
    const civil = await provider('和平区民政局');
    const charity = await provider('红十字会', 'charity');
    const medicalAid = await cash('医疗救助', 'medical', 15_000 * YUAN, government);
    const temporary = await cash('临时救助', 'medical', 5_000 * YUAN, civil);
    const fund = await cash('大病救助基金', 'medical', 10_000 * YUAN, charity);
    const fourth = await cash('大病互助金', 'medical', 8_000 * YUAN, charity);
    const h = await assessedHousehold([{ category: 'medical', gapFen: 30_000 * YUAN }]);
    const [needId] = h.needIds;

    await matcher.run(h.id);
    let view = await needView(h.id, needId);
    expect(view.gap).toEqual({ gapFen: 3_000_000, coveredFen: 0, leftFen: 3_000_000 });
    // Each proposal covers its value, at most what is left.
    const covers = () =>
      Object.fromEntries(
        view.proposals
          .filter((p) => p.status === 'proposed')
          .map((p) => [p.resourceTitle, p.coversFen]),
      );
    expect(covers()).toEqual({
      医疗救助: 1_500_000,
      临时救助: 500_000,
      大病救助基金: 1_000_000,
      大病互助金: 800_000,
    });

    // 医疗救助: ¥15,000 of ¥30,000; the other proposals stay open for what is left.
    await approvals.approve((await proposalFor(needId, medicalAid.id)).id, staff);
    view = await needView(h.id, needId);
    expect(view.gap).toEqual({ gapFen: 3_000_000, coveredFen: 1_500_000, leftFen: 1_500_000 });
    expect(covers()).toEqual({ 临时救助: 500_000, 大病救助基金: 1_000_000, 大病互助金: 800_000 });
    // A re-run does not propose 医疗救助 again for the need it already pays (it would take a
    // top-K slot, the medical category being complementary): refused as the same resource.
    await matcher.run(h.id);
    view = await needView(h.id, needId);
    expect(covers()).toEqual({ 临时救助: 500_000, 大病救助基金: 1_000_000, 大病互助金: 800_000 });
    expect(view.rejected.find((r) => r.resourceId === medicalAid.id)).toMatchObject({
      reason: 'DUPLICATE_ASSISTANCE',
      stacking: { rule: 'same_resource', benefit: { source: 'pending_referral' } },
    });

    // 临时救助: ¥5,000 more; ¥10,000 left, which the fund covers whole and the 互助金 in part.
    await approvals.approve((await proposalFor(needId, temporary.id)).id, staff);
    view = await needView(h.id, needId);
    expect(view.gap).toEqual({ gapFen: 3_000_000, coveredFen: 2_000_000, leftFen: 1_000_000 });
    expect(covers()).toEqual({ 大病救助基金: 1_000_000, 大病互助金: 800_000 });

    // The charity's fund: the gap is covered; the last proposal is superseded.
    await approvals.approve((await proposalFor(needId, fund.id)).id, staff);
    view = await needView(h.id, needId);
    expect(view.gap).toEqual({ gapFen: 3_000_000, coveredFen: 3_000_000, leftFen: 0 });
    expect((await proposalFor(needId, fourth.id)).status).toBe('superseded');
    const referrals = await ctx.dataSource.query(
      `SELECT resource_id AS "resourceId" FROM referral WHERE need_id = $1 AND status = 'open'`,
      [needId],
    );
    expect(referrals.map((r: { resourceId: string }) => r.resourceId).sort()).toEqual(
      [medicalAid.id, temporary.id, fund.id].sort(),
    );

    // The matcher looks again: nothing more is proposed, the fourth is refused (gap covered),
    // and the need stays matched (its referrals serve it).
    await matcher.run(h.id);
    view = await needView(h.id, needId);
    expect(view.status).toBe('matched');
    expect(view.proposals.filter((p) => p.status === 'proposed')).toEqual([]);
    expect(view.rejected.find((r) => r.resourceId === fourth.id)).toMatchObject({
      reason: 'DUPLICATE_ASSISTANCE',
      stacking: { rule: 'gap_covered', ruleId: null },
    });

    // A run that read the benefits before the third approval committed writes the fourth
    // proposal back (persist revives superseded proposals it proposes); its approval re-checks.
    await ctx.dataSource.query(`UPDATE match_proposal SET status = 'proposed' WHERE id = $1`, [
      (await proposalFor(needId, fourth.id)).id,
    ]);
    const refused = await refusal(
      approvals.approve((await proposalFor(needId, fourth.id)).id, staff),
    );
    expect(refused.code).toBe('STACKING_CONFLICT');
    expect(refused.details).toMatchObject({
      rule: 'gap_covered',
      ruleText: '该需求的费用缺口已全部覆盖',
    });
    expect((await proposalFor(needId, fourth.id)).status).toBe('proposed');
    expect(
      Number(
        (await ctx.dataSource.query(`SELECT reserved FROM resource WHERE id = $1`, [fourth.id]))[0]
          .reserved,
      ),
    ).toBe(0);
  });

  it('a money-gap need served by two referrals ends with the last of them, not the first', async () => {
    const government = await provider('和平区医疗保障局');
    const charity = await provider('红十字会', 'charity');
    const medicalAid = await cash('医疗救助', 'medical', 15_000 * YUAN, government);
    const fund = await cash('大病救助基金', 'medical', 10_000 * YUAN, charity);
    const h = await assessedHousehold([{ category: 'medical', gapFen: 25_000 * YUAN }]);
    const [needId] = h.needIds;
    await matcher.run(h.id);
    const first = await approvals.approve((await proposalFor(needId, medicalAid.id)).id, staff);
    const second = await approvals.approve((await proposalFor(needId, fund.id)).id, staff);
    const referrals = ctx.get(ReferralsService);
    const status = async () =>
      (await ctx.dataSource.query(`SELECT status FROM need WHERE id = $1`, [needId]))[0].status;
    const finish = async (referralId: string, by: typeof government) => {
      const actor = await ctx.factory.principal('provider', tree.district, by.id);
      await referrals.accept(referralId, actor);
      await referrals.deliver(referralId, {}, actor);
      await referrals.close(referralId, { satisfaction: 5, resolved: true }, staff);
    };

    // The bureau's part is delivered and closed as resolved: the charity's still serves the
    // need, which stays matched (it would have been fulfilled with half its gap unpaid).
    await finish(first, government);
    expect(await status()).toBe('matched');
    // The last one closes it.
    await finish(second, charity);
    expect(await status()).toBe('fulfilled');
    // Out of the later tests' candidates (their top K counts every medical resource here).
    await ctx.dataSource.query(`UPDATE resource SET status = 'closed' WHERE id = ANY($1)`, [
      [medicalAid.id, fund.id],
    ]);
  });

  it('a resource worth more than what is left of the gap counts, and is delivered, for what was left', async () => {
    const government = await provider('和平区医疗保障局');
    const medicalAid = await cash('医疗救助', 'medical', 15_000 * YUAN, government);
    const h = await assessedHousehold([{ category: 'medical', gapFen: 30_000 * YUAN }]);
    const [needId] = h.needIds;
    // ¥25,000 of the ¥30,000 already paid, recorded by a department against the need.
    await departmentEntry(h.id, {
      needId,
      categoryCode: 'medical',
      title: '住院医疗救助',
      frequency: 'one_off',
      amountFen: 25_000 * YUAN,
      startsOn: '2026-11-20',
      endsOn: '2026-11-20',
    });
    await matcher.run(h.id);
    expect(
      (await needView(h.id, needId)).proposals.find((p) => p.resourceId === medicalAid.id),
    ).toMatchObject({ status: 'proposed', coversFen: 5_000 * YUAN });

    // Approved, the ¥15,000 resource covers the ¥5,000 left: covered ¥30,000, nothing left
    // (not ¥40,000 covered and ¥10,000 below zero).
    const referralId = await approvals.approve(
      (await proposalFor(needId, medicalAid.id)).id,
      staff,
    );
    expect((await needView(h.id, needId)).gap).toEqual({
      gapFen: 30_000 * YUAN,
      coveredFen: 30_000 * YUAN,
      leftFen: 0,
    });

    // Delivered without an amount, the ledger records what it covered, not its full value.
    const referrals = ctx.get(ReferralsService);
    const actor = await ctx.factory.principal('provider', tree.district, government.id);
    await referrals.accept(referralId, actor);
    await referrals.deliver(referralId, {}, actor);
    const [entry] = await ctx.dataSource.query(
      `SELECT amount_fen AS "amountFen" FROM assistance_entry WHERE referral_id = $1`,
      [referralId],
    );
    expect(Number(entry.amountFen)).toBe(5_000 * YUAN);
    expect((await needView(h.id, needId)).gap).toEqual({
      gapFen: 30_000 * YUAN,
      coveredFen: 30_000 * YUAN,
      leftFen: 0,
    });
    await ctx.dataSource.query(`UPDATE resource SET status = 'closed' WHERE id = $1`, [
      medicalAid.id,
    ]);
  });

  it('a money-gap need stays matched when one of its referrals is declined while another still pays', async () => {
    const government = await provider('和平区医疗保障局');
    const charity = await provider('红十字会', 'charity');
    const medicalAid = await cash('医疗救助', 'medical', 15_000 * YUAN, government);
    const fund = await cash('大病救助基金', 'medical', 10_000 * YUAN, charity);
    const h = await assessedHousehold([{ category: 'medical', gapFen: 25_000 * YUAN }]);
    const [needId] = h.needIds;
    await matcher.run(h.id);
    const first = await approvals.approve((await proposalFor(needId, medicalAid.id)).id, staff);
    const second = await approvals.approve((await proposalFor(needId, fund.id)).id, staff);
    const referrals = ctx.get(ReferralsService);
    const status = async () =>
      (await ctx.dataSource.query(`SELECT status FROM need WHERE id = $1`, [needId]))[0].status;
    const reopened = async () =>
      (
        await ctx.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'reopen'`,
          [needId],
        )
      )[0].n;

    // The charity declines: the bureau's referral still pays the need, which stays matched.
    const charityStaff = await ctx.factory.principal('provider', tree.district, charity.id);
    await referrals.decline(second, { reason: 'capacity' }, charityStaff);
    expect(await status()).toBe('matched');
    expect(await reopened()).toBe(0);
    // The last live one declined: the need is open again.
    const bureauStaff = await ctx.factory.principal('provider', tree.district, government.id);
    await referrals.decline(first, { reason: 'capacity' }, bureauStaff);
    expect(await status()).toBe('open');
    expect(await reopened()).toBe(1);
    await ctx.dataSource.query(`UPDATE resource SET status = 'closed' WHERE id = ANY($1)`, [
      [medicalAid.id, fund.id],
    ]);
  });

  it('a duplicate a department recorded refuses the candidate, naming its source, in the matcher and the approval', async () => {
    const charity = await provider('慈善总会', 'charity');
    const living = await cash('困难家庭生活补助', 'basic_living', 60_000, charity);
    const h = await assessedHousehold([{ category: 'basic_living' }]);
    const [needId] = h.needIds;
    await matcher.run(h.id);
    const earlier = await proposalFor(needId, living.id);
    expect(earlier.status).toBe('proposed');

    // 和平区民政局 records the 临时救助 it pays since 2026-10-03 (basic_living: exclusive, seeded).
    await departmentEntry(h.id, {});

    const refused = await refusal(approvals.approve(earlier.id, staff));
    expect(refused.code).toBe('STACKING_CONFLICT');
    expect(refused.details).toMatchObject({
      rule: 'exclusive',
      ruleKind: 'exclusive',
      grantedBy: '和平区民政局',
      title: '临时救助',
      since: '2026-10-03',
      periodMonths: null,
    });
    expect(refused.message).toBe(
      'The household has received 临时救助 from 和平区民政局 since 2026-10-03: exclusive: no second benefit while it runs',
    );
    // The zh-CN text the API answers with, its placeholders filled from the details.
    expect(
      LEDGER_ERROR_MESSAGES.STACKING_CONFLICT['zh-CN'].replace(/\{(\w+)\}/g, (_, k: string) =>
        String(refused.details[k]),
      ),
    ).toBe('该家庭已于2026-10-03起从和平区民政局获得临时救助，按互斥规则不能重复救助');
    // The en text names the source too, from the same details (it is the error's message).
    expect(
      LEDGER_ERROR_MESSAGES.STACKING_CONFLICT.en.replace(/\{(\w+)\}/g, (_, k: string) =>
        String(refused.details[k]),
      ),
    ).toBe(refused.message);
    expect(
      await ctx.dataSource.query(`SELECT id FROM referral WHERE need_id = $1`, [needId]),
    ).toEqual([]);
    // The refusal queued the household's re-match (the run below stands for the matcher's).
    const queued = await ctx
      .queue('matching')
      .getJob(jobIds.matchHouseholdFor(h.id, living.id, `stacking.${earlier.id}`));
    expect(queued?.data).toEqual({ householdId: h.id });

    // The matcher's next run refuses the candidate, and the why-not view names the source.
    await matcher.run(h.id);
    expect((await proposalFor(needId, living.id)).status).toBe('superseded');
    const view = await needView(h.id, needId);
    expect(view.proposals.filter((p) => p.status === 'proposed')).toEqual([]);
    expect(view.unmetReasons).toEqual(['DUPLICATE_ASSISTANCE']);
    expect(view.rejected).toEqual([
      expect.objectContaining({
        resourceId: living.id,
        reason: 'DUPLICATE_ASSISTANCE',
        detail: 'already receives 临时救助 from 和平区民政局 since 2026-10-03 (exclusive)',
        stacking: expect.objectContaining({
          rule: 'exclusive',
          benefit: expect.objectContaining({
            source: 'entry',
            grantedBy: '和平区民政局',
            title: '临时救助',
            startsOn: '2026-10-03',
          }),
        }),
      }),
    ]);

    // Once the department's benefit has ended, the candidate is proposed again.
    await ctx.dataSource.query(
      `UPDATE assistance_entry SET ends_on = '2026-11-30' WHERE household_id = $1`,
      [h.id],
    );
    await matcher.run(h.id);
    expect((await proposalFor(needId, living.id)).status).toBe('proposed');
  });

  it('a stacking refusal stays a 409 when the re-match cannot be queued (Redis down)', async () => {
    const charity = await provider('慈善总会', 'charity');
    const living = await cash('困难家庭生活补助', 'basic_living', 60_000, charity);
    const h = await assessedHousehold([{ category: 'basic_living' }]);
    const [needId] = h.needIds;
    await matcher.run(h.id);
    const earlier = await proposalFor(needId, living.id);
    await departmentEntry(h.id, {});
    const down = jest
      .spyOn(ctx.get(MatchingQueueProducer), 'enqueueHouseholdMatches')
      .mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    try {
      const refused = await refusal(approvals.approve(earlier.id, staff));
      expect(refused.code).toBe('STACKING_CONFLICT');
      expect(down).toHaveBeenCalled();
      // Bulk approval goes on to report it as an item, not as a failed request.
      const results = await ctx
        .get(BulkApprovalsService)
        .approve(h.id, { items: [{ proposalId: earlier.id }] }, staff);
      expect(results.map((r) => [r.status, r.code])).toEqual([['refused', 'STACKING_CONFLICT']]);
    } finally {
      down.mockRestore();
    }
    expect((await proposalFor(needId, living.id)).status).toBe('proposed');
  });

  it('a OneDoor delivery stays current until its referral is closed: a second exclusive cash benefit waits', async () => {
    const charity = await provider('慈善总会', 'charity');
    const civil = await provider('和平区民政局');
    const first = await cash('生活补助丙', 'basic_living', 50_000, charity);
    const second = await cash('生活补助丁', 'basic_living', 70_000, civil);
    const h = await assessedHousehold([{ category: 'basic_living' }]);
    const [needId] = h.needIds;
    await matcher.run(h.id);
    const referralId = await approvals.approve((await proposalFor(needId, first.id)).id, staff);
    const referrals = ctx.get(ReferralsService);
    const actor = await ctx.factory.principal('provider', tree.district, charity.id);
    await referrals.accept(referralId, actor);
    await referrals.deliver(referralId, {}, actor); // a one-off on 2026-12-02 in the ledger

    // The next day a second basic_living need: the delivered benefit still runs (exclusive).
    clock.now = () => beijingNoon('2026-12-03');
    const [otherNeed] = (
      await ctx.dataSource.query(
        `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source)
         SELECT household_id, assessment_id, 'basic_living', 4, 'normal', 'assessor' FROM need WHERE id = $1
         RETURNING id`,
        [needId],
      )
    ).map((r: { id: string }) => r.id);
    await matcher.run(h.id);
    expect((await needView(h.id, otherNeed)).rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resourceId: second.id,
          stacking: expect.objectContaining({
            rule: 'exclusive',
            benefit: expect.objectContaining({ source: 'referral', endsOn: null }),
          }),
        }),
      ]),
    );

    // Closed on 2026-12-03, it ended the day before: the second may be proposed at once.
    await referrals.close(referralId, { satisfaction: 5, resolved: true }, staff);
    await matcher.run(h.id);
    expect((await proposalFor(otherNeed, second.id)).status).toBe('proposed');
    await ctx.dataSource.query(`UPDATE resource SET status = 'closed' WHERE id = ANY($1)`, [
      [first.id, second.id],
    ]);
  });

  it('once per period: one emergency grant in 12 months, counted on Beijing dates as the clock moves', async () => {
    const civil = await provider('和平区民政局');
    const grant = await cash('急难型临时救助', 'emergency', 300_000, civil);
    const h = await assessedHousehold([{ category: 'emergency' }]);
    const [needId] = h.needIds;
    // A grant on 2026-01-10, recorded by the department (one-off).
    await departmentEntry(h.id, {
      categoryCode: 'emergency',
      frequency: 'one_off',
      title: '临时救助',
      startsOn: '2026-01-10',
      endsOn: '2026-01-10',
      amountFen: 200_000,
    });

    // 2027-01-09 (Beijing; 2027-01-08 in UTC until 16:00): still within 12 months.
    clock.now = () => new Date('2027-01-09T15:30:00.000Z'); // 23:30 in Beijing
    await matcher.run(h.id);
    let view = await needView(h.id, needId);
    expect(view.rejected).toEqual([
      expect.objectContaining({
        resourceId: grant.id,
        stacking: expect.objectContaining({
          rule: 'once_per_period',
          ruleKind: 'once_per_period',
          periodMonths: 12,
          benefit: expect.objectContaining({ startsOn: '2026-01-10' }),
        }),
      }),
    ]);

    // Half an hour later it is 2027-01-10 in Beijing: the period has passed.
    clock.now = () => new Date('2027-01-09T16:00:00.000Z');
    await matcher.run(h.id);
    view = await needView(h.id, needId);
    expect(view.rejected).toEqual([]);
    const proposal = await proposalFor(needId, grant.id);
    expect(proposal.status).toBe('proposed');

    // Approved on that day, the approval's check agrees; the day before, it refuses.
    clock.now = () => new Date('2027-01-09T15:30:00.000Z');
    const refused = await refusal(approvals.approve(proposal.id, staff));
    expect(refused.details).toMatchObject({
      rule: 'once_per_period',
      periodMonths: 12,
      since: '2026-01-10',
      ruleText: '按12个月内限一次的规则不能重复救助',
    });
    clock.now = () => new Date('2027-01-09T16:00:00.000Z');
    await expect(approvals.approve(proposal.id, staff)).resolves.toEqual(expect.any(String));
  });

  it('two approvals of exclusive resources for two needs of one household at once: exactly one succeeds', async () => {
    const charity = await provider('慈善总会', 'charity');
    const civil = await provider('和平区民政局');
    const a = await cash('生活补助甲', 'basic_living', 50_000, charity);
    const b = await cash('生活补助乙', 'basic_living', 70_000, civil);
    // Several households, each raced once: the two approvals overlap in each.
    for (let i = 0; i < 4; i += 1) {
      const h = await assessedHousehold([
        { category: 'basic_living' },
        { category: 'basic_living' },
      ]);
      await matcher.run(h.id);
      const [first, second] = await Promise.all([
        proposalFor(h.needIds[0], a.id),
        proposalFor(h.needIds[1], b.id),
      ]);
      const outcomes = await Promise.allSettled([
        approvals.approve(first.id, staff),
        approvals.approve(second.id, staff),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [failure] = outcomes.filter((o) => o.status === 'rejected');
      expect((failure as PromiseRejectedResult).reason).toMatchObject({
        code: 'STACKING_CONFLICT',
        details: expect.objectContaining({ rule: 'exclusive' }),
      });
      const live = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM referral WHERE household_id = $1`,
        [h.id],
      );
      expect(live[0].n).toBe(1);
    }
  });

  it('bulk approval goes the same way: two sources on one gap need, and a department’s duplicate refused as an item', async () => {
    const government = await provider('和平区医疗保障局');
    const charity = await provider('红十字会', 'charity');
    const medicalAid = await cash('医疗救助', 'medical', 15_000 * YUAN, government);
    const fund = await cash('大病救助基金', 'medical', 10_000 * YUAN, charity);
    const living = await cash('困难家庭生活补助', 'basic_living', 60_000, charity);
    const h = await assessedHousehold([
      { category: 'medical', gapFen: 30_000 * YUAN },
      { category: 'basic_living' },
    ]);
    const [medicalNeed, livingNeed] = h.needIds;
    await matcher.run(h.id);
    await departmentEntry(h.id, {});
    const items = [
      await proposalFor(medicalNeed, medicalAid.id),
      await proposalFor(medicalNeed, fund.id),
      await proposalFor(livingNeed, living.id),
    ].map((p) => ({ proposalId: p.id }));

    const results = await ctx.get(BulkApprovalsService).approve(h.id, { items }, staff);
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['approved', null],
      ['approved', null],
      ['refused', 'STACKING_CONFLICT'],
    ]);
    expect(results[2].details).toMatchObject({ rule: 'exclusive', grantedBy: '和平区民政局' });
    expect((await needView(h.id, medicalNeed)).gap).toEqual({
      gapFen: 3_000_000,
      coveredFen: 2_500_000,
      leftFen: 500_000,
    });
  });
});
