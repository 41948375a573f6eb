import {
  AssessmentsService,
  AssessmentTemplatesService,
  HouseholdExitService,
  HouseholdsModule,
  HouseholdsService,
  type TemplateDefinition,
} from '@onedoor/households';
import {
  AuditLogRepository,
  jobIds,
  PageQueryDto,
  type Principal,
  QUEUES,
  Clock,
} from '@onedoor/platform';
import { CALM_ANSWERS, type District, householdInput, newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { assessedHousehold, draftAssessment } from './assess';

describe(AssessmentsService.name, () => {
  let ctx: ServiceContext;
  let sut: AssessmentsService;
  let households: HouseholdsService;
  let tree: District;
  let assessorA: Principal;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(AssessmentsService);
    households = ctx.get(HouseholdsService);
    tree = await ctx.factory.district();
    assessorA = await ctx.factory.principal('assessor', tree.streetA);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const matchingQueue = () => ctx.queue(QUEUES.matching);

  describe('completion', () => {
    it('refuses to complete with items unanswered, listing them', async () => {
      const { assessment: a } = await draftAssessment(ctx, assessorA, tree.communityA);
      const { sudden_event: _s, housing_condition: _h, ...partial } = CALM_ANSWERS;
      await sut.answer(a.id, { answers: partial }, assessorA);
      const incomplete = await sut.complete(a.id, {}, assessorA).catch((e: unknown) => e);
      expect(incomplete).toMatchObject({ code: 'ASSESSMENT_INCOMPLETE' });
      expect(
        (incomplete as { details: Array<{ field: string }> }).details.map((d) => d.field).sort(),
      ).toEqual(['answers.housing_condition', 'answers.sudden_event']);
      await expect(
        sut.answer(a.id, { answers: { housing_condition: 'castle' } }, assessorA),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('computes tier and needs from the rules, freezes the assessment and queues one matching job', async () => {
      const { household, assessment } = await assessedHousehold(ctx, assessorA, tree.communityA, {
        housing_condition: 'dangerous',
        chronic_condition: 'severe',
        legal_dispute: true,
        sudden_event: true,
      });
      expect(assessment).toMatchObject({
        status: 'completed',
        tier: 'subsistence',
        circle: 1,
        templateVersion: 1,
      });
      expect(
        assessment.needs.map((n) => [n.categoryCode, n.severity, n.urgency, n.source]).sort(),
      ).toEqual(
        [
          ['emergency', 5, 'emergency', 'rule:emergency'],
          ['housing', 5, 'urgent', 'rule:housing-dangerous'],
          ['legal_aid', 3, 'normal', 'rule:legal'],
          ['medical', 4, 'normal', 'rule:medical-severe'],
        ].sort(),
      );
      expect(assessment.dimensionScores!.housing).toBeGreaterThan(0);
      const needs = await households.needs(household.id, assessorA);
      expect(needs.filter((n) => n.status === 'open')).toHaveLength(4);

      await expect(
        sut.answer(assessment.id, { answers: { legal_dispute: false } }, assessorA),
      ).rejects.toMatchObject({ code: 'ASSESSMENT_NOT_DRAFT' });
      await expect(sut.complete(assessment.id, {}, assessorA)).rejects.toMatchObject({
        code: 'ASSESSMENT_NOT_DRAFT',
      });

      const queue = matchingQueue();
      const job = await queue.getJob(jobIds.matchHousehold(household.id, assessment.id));
      expect(job?.data).toEqual({ householdId: household.id });
      expect(job?.opts.priority).toBe(1); // an emergency need takes the green channel
      const waiting = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
      expect(waiting.filter((j) => j.data.householdId === household.id)).toHaveLength(1);
      // Enqueuing the same household and assessment again adds nothing.
      await queue.add('match-household', job!.data, { jobId: job!.id });
      expect(
        (await queue.getJobs(['waiting', 'prioritized'])).filter(
          (j) => j.data.householdId === household.id,
        ),
      ).toHaveLength(1);
    });

    it('records needs the assessor adds and removes, with reasons, in the audit', async () => {
      const { assessment: a } = await draftAssessment(ctx, assessorA, tree.communityA);
      await sut.answer(a.id, { answers: { ...CALM_ANSWERS, legal_dispute: true } }, assessorA);
      const done = await sut.complete(
        a.id,
        {
          addNeeds: [
            {
              categoryCode: 'psychological',
              severity: 3,
              urgency: 'normal',
              reason: '丧偶后情绪低落',
            },
          ],
          removeNeeds: [{ categoryCode: 'legal_aid', reason: '纠纷已调解' }],
        },
        assessorA,
      );
      expect(done.needs.map((n) => [n.categoryCode, n.source])).toEqual([
        ['psychological', 'assessor'],
      ]);
      const [audit] = await ctx
        .get(AuditLogRepository)
        .listForEntity('assessment', a.id, new PageQueryDto());
      expect(audit.map((i) => [i.action, i.reason])).toEqual([
        ['start', null],
        ['complete', null],
        ['add_need', '丧偶后情绪低落'],
        ['remove_need', '纠纷已调解'],
      ]);
    });
  });

  it('completes once when two completions race, queuing one job', async () => {
    const { household, assessment: a } = await draftAssessment(ctx, assessorA, tree.communityA);
    await sut.answer(a.id, { answers: { ...CALM_ANSWERS, legal_dispute: true } }, assessorA);
    const [one, two] = await Promise.allSettled([
      sut.complete(a.id, {}, assessorA),
      sut.complete(a.id, {}, assessorA),
    ]);
    expect([one.status, two.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(
      [one, two].find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason,
    ).toMatchObject({ code: 'ASSESSMENT_NOT_DRAFT' });
    expect(await households.needs(household.id, assessorA)).toHaveLength(1);
    const jobs = await matchingQueue().getJobs([
      'waiting',
      'prioritized',
      'active',
      'completed',
      'failed',
    ]);
    expect(jobs.filter((j) => j.data.householdId === household.id)).toHaveLength(1);
    const [row] = await ctx.dataSource.query(
      `SELECT match_enqueued_at FROM assessment WHERE id = $1`,
      [a.id],
    );
    expect(row.match_enqueued_at).not.toBeNull();
  });

  it('queues matching later for a completion whose job never reached Redis (outbox sweep)', async () => {
    const { household, assessment } = await assessedHousehold(ctx, assessorA, tree.communityA, {
      legal_dispute: true,
    });
    const queue = matchingQueue();
    // As if Redis had lost it: the job gone, the outbox column empty.
    await (await queue.getJob(jobIds.matchHousehold(household.id, assessment.id)))!.remove();
    await ctx.dataSource.query(`UPDATE assessment SET match_enqueued_at = NULL WHERE id = $1`, [
      assessment.id,
    ]);
    expect(await sut.enqueuePendingMatches()).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(jobIds.matchHousehold(household.id, assessment.id))).toBeDefined();
  });

  it('keeps the template version a completed assessment used after the template changes', async () => {
    const { assessment } = await assessedHousehold(ctx, assessorA, tree.communityA);
    const admin = await ctx.factory.principal('admin');
    const templates = ctx.get(AssessmentTemplatesService);
    const latest = (await templates.list()).find((t) => t.code === 'comprehensive')!;
    const published = await templates.publish(
      { code: 'comprehensive', name: '困难家庭综合评估（修订）', definition: latest.definition },
      admin,
    );
    expect(published.version).toBe(latest.version + 1);

    expect(await sut.get(assessment.id, assessorA)).toMatchObject({
      templateId: assessment.templateId,
      templateVersion: assessment.templateVersion,
    });
    const h = await households.register(householdInput(tree.communityA), assessorA);
    const fresh = await sut.start(h.id, {}, assessorA);
    expect(fresh.templateVersion).toBe(latest.version + 1);

    const broken = await templates
      .publish(
        {
          code: 'comprehensive',
          name: 'x',
          definition: {
            ...latest.definition,
            needRules: [
              {
                id: 'x',
                when: { item: 'nope', equals: true },
                category: 'medical',
                severity: 3,
                urgency: 'normal',
              },
            ],
          } as TemplateDefinition,
        },
        admin,
      )
      .catch((e: unknown) => e);
    expect(broken).toMatchObject({ code: 'TEMPLATE_INVALID' });
    expect((broken as { details: Array<{ field: string }> }).details[0].field).toBe(
      'definition.needRules[0].when',
    );
  });

  it('lets a household whose income rose exit gradually: exiting with a grace end, then exited', async () => {
    const head = newIdNumber('1975-07-07');
    const headWith = (employment: 'unemployed' | 'employed', monthlyIncomeFen: number) => [
      { name: '陈', relation: 'self' as const, idNumber: head, employment, monthlyIncomeFen },
    ];
    const { household } = await assessedHousehold(
      ctx,
      assessorA,
      tree.communityA,
      { income_stability: 'unstable' },
      householdInput(tree.communityA, { members: headWith('unemployed', 50_000) }),
    );
    const before = await households.get(household.id, assessorA);
    expect(before).toMatchObject({ status: 'active', tier: 'subsistence' });

    // The head finds work: income well above twice the standard.
    await households.update(
      household.id,
      { version: before.version, members: headWith('employed', 600_000) },
      assessorA,
    );
    const a2 = await sut.start(household.id, {}, assessorA);
    await sut.answer(a2.id, { answers: { ...CALM_ANSWERS, wants_training: true } }, assessorA);
    const done = await sut.complete(a2.id, {}, assessorA);
    expect(done).toMatchObject({ tier: null, circle: null });

    const exiting = await households.get(household.id, assessorA);
    expect(exiting.status).toBe('exiting');
    // Gradual exit: the tier being left still applies until the grace ends.
    expect(exiting).toMatchObject({ tier: 'subsistence', circle: 1 });
    const expected = new Date(done.completedAt!);
    expected.setUTCMonth(expected.getUTCMonth() + ctx.config.households.exitGraceMonthsEmployment);
    expect(exiting.graceEndsAt).toBe(expected.toISOString());

    const exits = ctx.get(HouseholdExitService);
    const clock = jest.spyOn(ctx.get(Clock), 'now');
    clock.mockReturnValue(new Date(expected.getTime() - 1000));
    await exits.completeExits();
    expect((await households.get(household.id, assessorA)).status).toBe('exiting');
    clock.mockReturnValue(new Date(expected.getTime() + 1000));
    expect(await exits.completeExits()).toBeGreaterThanOrEqual(1);
    clock.mockRestore();
    const exited = await households.get(household.id, assessorA);
    expect(exited).toMatchObject({ status: 'exited', tier: null, circle: null });

    // Hardship returns: an exited household is assessed again and reopened.
    await households.update(
      household.id,
      { version: exited.version, members: headWith('unemployed', 0) },
      assessorA,
    );
    const a3 = await sut.start(household.id, {}, assessorA);
    await sut.answer(a3.id, { answers: CALM_ANSWERS }, assessorA);
    await sut.complete(a3.id, {}, assessorA);
    expect(await households.get(household.id, assessorA)).toMatchObject({
      status: 'active',
      tier: 'subsistence',
      graceEndsAt: null,
    });
    const needs = await households.needs(household.id, assessorA);
    expect(needs.filter((n) => n.status === 'open')).toEqual([]);
    expect(needs.some((n) => n.status === 'withdrawn')).toBe(true);
  });
});
