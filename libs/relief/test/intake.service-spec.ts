import { AssessmentsService, HouseholdsService } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { Clock, type Principal, QUEUES } from '@onedoor/platform';
import {
  type CreateEmergencyIntakeDto,
  EmergencyIntakesService,
  FollowUpsService,
  LeadsService,
  ReliefModule,
} from '@onedoor/relief';
import { reliefFund } from '../../../tests/factories/relief-grant';
import { CALM_ANSWERS, type District, householdInput, newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * An emergency intake registers (or updates) a household without the full assessment, with
 * emergency needs on a provisional assessment, matched at top priority; its follow-up owes the
 * full assessment within RELIEF_FOLLOW_UP_DAYS, escalates once when missed, and is done by a
 * completed full assessment, after which the household's tier follows the normal rules.
 */
describe(EmergencyIntakesService.name, () => {
  let ctx: ServiceContext;
  let sut: EmergencyIntakesService;
  let followUps: FollowUpsService;
  let tree: District;
  let assessorA: Principal;
  let staffA: Principal;
  let staffB: Principal;
  let fundId: string;

  const form = (over: Partial<CreateEmergencyIntakeDto> = {}): CreateEmergencyIntakeDto => ({
    communityId: tree.communityA.id,
    residency: 'local',
    phone: '13900001111',
    address: '光明路 1 号',
    members: [
      { name: '李桂兰', relation: 'self', idNumber: newIdNumber('1968-02-03', 'female') },
      { name: '李小明', relation: 'child', idNumber: newIdNumber('2012-05-06') },
    ],
    situation: '夜间房屋失火，家中财物全部烧毁，暂住邻居家',
    needs: [
      { categoryCode: 'basic_living', note: '无生活来源' },
      { categoryCode: 'housing', note: '需临时住所', severity: 4 },
    ],
    amountRequestedFen: 300_000,
    fundId,
    ...over,
  });

  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string; details?: Array<{ field: string; constraint: string }> };
    }
    throw new Error('expected a refusal');
  };

  const row = async <T>(sql: string, params: unknown[]): Promise<T> =>
    (await ctx.dataSource.query(sql, params))[0] as T;

  beforeAll(async () => {
    ctx = await startServices([MatchingModule, ReliefModule]);
    sut = ctx.get(EmergencyIntakesService);
    followUps = ctx.get(FollowUpsService);
    tree = await ctx.factory.district();
    assessorA = await ctx.factory.principal('assessor', tree.communityA);
    staffA = await ctx.factory.principal('civil_affairs', tree.streetA);
    staffB = await ctx.factory.principal('civil_affairs', tree.streetB);
    fundId = await reliefFund((q, p) => ctx.dataSource.query(q, p), {
      area: tree.streetA,
      balanceFen: 10_000_000,
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('registers a new family without the full assessment: emergency needs, flag, top-priority matching, a follow-up, audited with an event', async () => {
    const now = new Date('2026-12-02T02:00:00Z');
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(now);
    const intake = await sut.register(form(), assessorA);

    expect(intake).toMatchObject({
      registeredHousehold: true,
      communityId: tree.communityA.id,
      headName: '李桂兰',
      amountRequestedFen: 300_000,
      situation: '夜间房屋失火，家中财物全部烧毁，暂住邻居家',
      followUp: { status: 'due', dueAt: '2026-12-17T02:00:00.000Z' },
    });
    expect(intake.needs.map((n) => [n.categoryCode, n.severity])).toEqual([
      ['basic_living', 5],
      ['housing', 4],
    ]);
    const h = await row<{ tier: string | null; tags: string[]; case_count: number }>(
      `SELECT tier, tags, (SELECT count(*)::int FROM household_case c WHERE c.household_id = h.id) AS case_count
         FROM household h WHERE id = $1`,
      [intake.householdId],
    );
    // Flagged by tag; its tier waits for the full assessment; its case opened with it.
    expect(h).toEqual({ tier: null, tags: ['emergency'], case_count: 1 });
    const assessments = await ctx.dataSource.query(
      `SELECT id, status, answers, tier, facts_snapshot->'eligibility'->>'tier' AS "factsTier"
         FROM assessment WHERE household_id = $1`,
      [intake.householdId],
    );
    // No full assessment: only the provisional one, without answers, in the emergency tier.
    expect(assessments).toEqual([
      {
        id: intake.assessmentId,
        status: 'completed',
        answers: {},
        tier: 'emergency',
        factsTier: 'emergency',
      },
    ]);
    const needs = await ctx.dataSource.query(
      `SELECT urgency, status, source FROM need WHERE household_id = $1`,
      [intake.householdId],
    );
    expect(needs).toEqual([
      { urgency: 'emergency', status: 'open', source: 'intake' },
      { urgency: 'emergency', status: 'open', source: 'intake' },
    ]);
    const stored = await row<{ situation_enc: string }>(
      `SELECT situation_enc FROM relief_intake WHERE id = $1`,
      [intake.id],
    );
    expect(stored.situation_enc).not.toContain('失火');

    const job = await ctx
      .queue(QUEUES.matching)
      .getJob(`match-household.${intake.householdId}.${intake.assessmentId}`);
    expect(job?.opts.priority).toBe(1);
    const audit = await ctx.dataSource.query(
      `SELECT action, data FROM audit_log WHERE entity_type = 'relief_intake' AND entity_id = $1`,
      [intake.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].data)).not.toContain('失火');
    const events = await ctx.dataSource.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1`,
      [intake.id],
    );
    expect(events).toEqual([{ type: 'relief_intake.registered' }]);
  });

  it('updates the household an identity number is registered in, with no duplicate', async () => {
    const memberId = newIdNumber('1990-09-09', 'female');
    const existing = await ctx.factory.household({
      community: tree.communityA,
      tier: 'low_income',
      members: [{}, { idNumber: memberId, relation: 'spouse' }],
    });
    const intake = await sut.register(
      form({
        members: [{ name: '王芳', relation: 'self', idNumber: memberId }],
        communityId: undefined,
        residency: undefined,
        phone: '13700002222',
      }),
      staffA,
    );
    expect(intake).toMatchObject({ householdId: existing.id, registeredHousehold: false });
    const listed = await row<{ n: number }>(
      `SELECT count(*)::int AS n FROM household_member WHERE id_hmac = (SELECT id_hmac FROM household_member WHERE household_id = $1 AND relation = 'spouse')`,
      [existing.id],
    );
    expect(listed.n).toBe(1);
    const h = await row<{ tier: string; tags: string[]; phone_hmac: string | null }>(
      `SELECT tier, tags, phone_hmac FROM household WHERE id = $1`,
      [existing.id],
    );
    // Low income ranks below a sudden event: eligible as emergency until assessed, tier kept.
    expect(h).toMatchObject({ tier: 'low_income', tags: ['emergency'] });
    expect(h.phone_hmac).not.toBeNull();
    const facts = await row<{ tier: string }>(
      `SELECT facts_snapshot->'eligibility'->>'tier' AS tier FROM assessment WHERE id = $1`,
      [intake.assessmentId],
    );
    expect(facts.tier).toBe('emergency');

    // By id as well: a second intake on the same household adds a second follow-up.
    const again = await sut.register(
      {
        householdId: existing.id,
        situation: '再次受灾',
        needs: [{ categoryCode: 'basic_living' }],
      },
      staffA,
    );
    expect(again).toMatchObject({ householdId: existing.id, registeredHousehold: false });
  });

  it('on an assessed household, carries its other open needs onto the provisional assessment; the intake’s category replaces its own', async () => {
    const clock = jest.spyOn(ctx.get(Clock), 'now');
    const start = new Date('2026-11-02T04:00:00Z');
    clock.mockReturnValue(start);
    const first = await sut.register(
      form({
        members: [{ name: '钱多', relation: 'self', idNumber: newIdNumber('1972-03-03') }],
        phone: '13900005555',
        amountRequestedFen: undefined,
      }),
      assessorA,
    );
    const assessments = ctx.get(AssessmentsService);
    clock.mockReturnValue(new Date(start.getTime() + 86_400_000));
    const draft = await assessments.start(first.householdId, {}, assessorA);
    await assessments.answer(draft.id, { answers: CALM_ANSWERS }, assessorA);
    await assessments.complete(
      draft.id,
      {
        addNeeds: [
          { categoryCode: 'medical', reason: '慢性病', severity: 3, urgency: 'normal' },
          { categoryCode: 'education', reason: '子女上学', severity: 2, urgency: 'normal' },
        ],
      } as never,
      assessorA,
    );
    const open = () =>
      ctx.dataSource.query(
        `SELECT category_code, source, urgency, assessment_id FROM need
          WHERE household_id = $1 AND status = 'open' ORDER BY category_code`,
        [first.householdId],
      );
    expect((await open()).map((n: { category_code: string }) => n.category_code)).toEqual([
      'education',
      'medical',
    ]);

    clock.mockReturnValue(new Date(start.getTime() + 2 * 86_400_000));
    const again = await sut.register(
      {
        householdId: first.householdId,
        situation: '突发重病住院',
        needs: [{ categoryCode: 'medical', note: '住院押金' }],
      },
      assessorA,
    );
    // Education goes on (carried, as assessed); medical is the intake's emergency need now.
    expect(await open()).toEqual([
      {
        category_code: 'education',
        source: 'assessor',
        urgency: 'normal',
        assessment_id: again.assessmentId,
      },
      {
        category_code: 'medical',
        source: 'intake',
        urgency: 'emergency',
        assessment_id: again.assessmentId,
      },
    ]);
    expect(again.needs.map((n) => n.categoryCode)).toEqual(['medical']);
    const withdrawn = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM need WHERE assessment_id = $1 AND status = 'withdrawn'`,
      [draft.id],
    );
    expect(withdrawn).toEqual([{ n: 2 }]);
  });

  it('registers one household when two intakes of the same new family arrive at once', async () => {
    const input = form();
    const both = await Promise.all([sut.register(input, assessorA), sut.register(input, staffA)]);
    expect(both[0].householdId).toBe(both[1].householdId);
    expect(both.map((i) => i.registeredHousehold).sort()).toEqual([false, true]);
  });

  it('escalates an overdue follow-up to the street once, with the clock moved', async () => {
    const clock = jest.spyOn(ctx.get(Clock), 'now');
    const start = new Date('2026-12-02T03:00:00Z');
    clock.mockReturnValue(start);
    const intake = await sut.register(form(), assessorA);
    await followUps.sweep();
    let f = await row<{ status: string; escalated_at: Date | null }>(
      `SELECT status, escalated_at FROM relief_follow_up WHERE intake_id = $1`,
      [intake.id],
    );
    expect(f).toEqual({ status: 'due', escalated_at: null });

    const late = new Date(start.getTime() + 15 * 86_400_000 + 60_000);
    clock.mockReturnValue(late);
    const first = await followUps.sweep();
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    f = await row(
      `SELECT status, escalated_at, escalated_to_area_id AS "to" FROM relief_follow_up WHERE intake_id = $1`,
      [intake.id],
    );
    expect(f).toEqual({ status: 'overdue', escalated_at: late, to: tree.streetA.id });
    clock.mockReturnValue(new Date(late.getTime() + 3_600_000));
    await followUps.sweep();
    const events = await ctx.dataSource.query(
      `SELECT e.type, e.audience FROM outbox_event e JOIN relief_follow_up f ON f.id = e.entity_id::uuid
        WHERE f.intake_id = $1 ORDER BY e.type`,
      [intake.id],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'relief_follow_up.escalated',
      'relief_follow_up.overdue',
    ]);
    expect(events[0].audience).toEqual([{ roles: ['civil_affairs'], areaPath: tree.streetA.path }]);
    const escalations = await row<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log a JOIN relief_follow_up f ON f.id = a.entity_id::uuid
        WHERE f.intake_id = $1 AND a.action = 'escalate'`,
      [intake.id],
    );
    expect(escalations.n).toBe(1);
    const listed = await followUps.list({ page: 1, limit: 100 } as never, staffA);
    expect(listed.items[0]).toMatchObject({ status: 'overdue' });
  });

  it('is done once a full assessment is completed after the intake, and the tier follows the normal rules', async () => {
    const clock = jest.spyOn(ctx.get(Clock), 'now');
    const start = new Date('2026-12-02T04:00:00Z');
    clock.mockReturnValue(start);
    // Income well above every threshold: the full assessment finds no tier.
    const input = form({
      members: [
        {
          name: '赵强',
          relation: 'self',
          idNumber: newIdNumber('1975-01-01'),
          employment: 'employed',
          monthlyIncomeFen: 900_000,
        },
      ],
    });
    const intake = await sut.register(input, assessorA);
    const assessments = ctx.get(AssessmentsService);
    clock.mockReturnValue(new Date(start.getTime() + 3 * 86_400_000));
    const draft = await assessments.start(intake.householdId, {}, assessorA);
    await assessments.answer(draft.id, { answers: CALM_ANSWERS }, assessorA);
    await assessments.complete(draft.id, {}, assessorA);

    const page = await followUps.list(
      { page: 1, limit: 100, householdId: intake.householdId } as never,
      assessorA,
    );
    expect(page.items).toEqual([
      expect.objectContaining({ status: 'done', assessmentId: draft.id }),
    ]);
    const h = await ctx.get(HouseholdsService).get(intake.householdId, assessorA);
    // Not kept in an emergency tier through a grace period: active, no tier, flag off.
    expect(h).toMatchObject({ tier: null, status: 'active', tags: [] });
    const needs = await ctx.dataSource.query(
      `SELECT status FROM need WHERE household_id = $1 AND source = 'intake'`,
      [intake.householdId],
    );
    expect(needs.every((n: { status: string }) => n.status === 'withdrawn')).toBe(true);
    // The sweep finds nothing more to do for it.
    clock.mockReturnValue(new Date(start.getTime() + 20 * 86_400_000));
    await followUps.sweep();
    const f = await row<{ status: string; escalated_at: Date | null }>(
      `SELECT status, escalated_at FROM relief_follow_up WHERE intake_id = $1`,
      [intake.id],
    );
    expect(f).toEqual({ status: 'done', escalated_at: null });
  });

  it('a low-income household assessed after its intake is subsistence or low income by the rules, not emergency', async () => {
    const input = householdInput(tree.communityA, {}, 50_000);
    const intake = await sut.register(
      { ...form(), members: input.members.map((m) => ({ ...m })) },
      assessorA,
    );
    const assessments = ctx.get(AssessmentsService);
    const draft = await assessments.start(intake.householdId, {}, assessorA);
    await assessments.answer(draft.id, { answers: CALM_ANSWERS }, assessorA);
    const done = await assessments.complete(draft.id, {}, assessorA);
    const h = await ctx.get(HouseholdsService).get(intake.householdId, assessorA);
    expect(h.tier).toBe(done.tier);
    expect(h.tier).toBe('subsistence');
  });

  describe('refusals', () => {
    it('needs a household or a new family', async () => {
      const e = await failure(
        sut.register(
          { situation: '失火', needs: [{ categoryCode: 'basic_living' }] } as never,
          assessorA,
        ),
      );
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(e.details?.[0]).toMatchObject({ field: 'communityId', constraint: 'intakeFamily' });
    });

    it('refuses an unknown category and a category twice', async () => {
      const unknown = await failure(
        sut.register(form({ needs: [{ categoryCode: 'no_such_thing' }] }), assessorA),
      );
      expect(unknown).toMatchObject({ code: 'CATEGORY_NOT_FOUND' });
      expect(unknown.details?.[0]).toMatchObject({ field: 'needs[0].categoryCode' });
      const twice = await failure(
        sut.register(
          form({ needs: [{ categoryCode: 'basic_living' }, { categoryCode: 'basic_living' }] }),
          assessorA,
        ),
      );
      expect(twice.details?.[0]).toMatchObject({ constraint: 'intakeNeedTwice' });
    });

    it('keeps other areas out: their households, intakes and follow-ups answer not found', async () => {
      const intake = await sut.register(form(), assessorA);
      await expect(sut.get(intake.id, staffB)).rejects.toMatchObject({
        code: 'RELIEF_INTAKE_NOT_FOUND',
      });
      await expect(
        sut.register(
          {
            householdId: intake.householdId,
            situation: '失火',
            needs: [{ categoryCode: 'housing' }],
          },
          staffB,
        ),
      ).rejects.toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
      await expect(
        sut.register(form({ communityId: tree.communityA.id }), staffB),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const list = await sut.list({ page: 1, limit: 100 } as never, staffB);
      expect(list.items.map((i) => i.id)).not.toContain(intake.id);
      const fu = await followUps.list({ page: 1, limit: 100 } as never, staffB);
      expect(fu.items.map((i) => i.intakeId)).not.toContain(intake.id);
      await expect(
        sut.register(form({ leadId: '00000000-0000-4000-8000-000000000000' }), assessorA),
      ).rejects.toMatchObject({ code: 'RELIEF_INTAKE_LEAD_NOT_FOUND' });
    });
  });

  it('answers its lead and requests the grant in its own transaction: the lead ends registered, the grant waits for an officer', async () => {
    const leads = ctx.get(LeadsService);
    const reporter = await ctx.factory.principal('assessor', tree.communityA);
    const lead = await leads.report(
      {
        subjectName: '周建国',
        communityId: tree.communityA.id,
        situation: '突发脑溢血住院，家中无人照料',
      } as never,
      reporter,
    );
    const intake = await sut.register(
      form({
        members: [{ name: '周建国', relation: 'self', idNumber: newIdNumber('1961-07-08') }],
        phone: '13900002222',
        address: '光明路 9 号',
        leadId: lead.id,
        amountRequestedFen: 250_000,
      }),
      assessorA,
    );
    expect(intake.grantId).toEqual(expect.any(String));
    const grant = await row<Record<string, unknown>>(
      `SELECT status, amount_fen, fund_id, lead_id, household_id, reason FROM emergency_grant WHERE id = $1`,
      [intake.grantId],
    );
    expect(grant).toMatchObject({
      status: 'requested',
      amount_fen: '250000',
      fund_id: fundId,
      lead_id: lead.id,
      household_id: intake.householdId,
    });
    // What happened is personal: the grant keeps it encrypted, as the intake does.
    expect(String(grant.reason)).not.toContain('失火');
    expect(await row(`SELECT status, household_id FROM lead WHERE id = $1`, [lead.id])).toEqual({
      status: 'registered',
      household_id: intake.householdId,
    });

    // An amount without a fund is refused before anything is written.
    const before = await row<{ n: number }>(`SELECT count(*)::int AS n FROM relief_intake`, []);
    const refused = await failure(
      sut.register(
        form({
          members: [
            { name: '吴芳', relation: 'self', idNumber: newIdNumber('1980-01-02', 'female') },
          ],
          phone: '13900003333',
          fundId: undefined,
        }),
        assessorA,
      ),
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.details).toEqual([
      expect.objectContaining({ field: 'fundId', constraint: 'intakeFundRequired' }),
    ]);
    expect(await row(`SELECT count(*)::int AS n FROM relief_intake`, [])).toEqual(before);

    // A lead already answered cannot be registered twice: the whole intake rolls back.
    const again = await failure(
      sut.register(
        form({
          members: [
            { name: '郑洁', relation: 'self', idNumber: newIdNumber('1985-03-04', 'female') },
          ],
          phone: '13900004444',
          leadId: lead.id,
        }),
        assessorA,
      ),
    );
    expect(again.code).toBe('LEAD_STATE_INVALID');
    expect(await row(`SELECT count(*)::int AS n FROM relief_intake`, [])).toEqual(before);
  });
});
