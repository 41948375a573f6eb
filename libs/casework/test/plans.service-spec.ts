import {
  CaseworkModule,
  PlanAgreementService,
  type PlanDto,
  PlanSyncService,
  PlansService,
  type SavePlanDto,
} from '@onedoor/casework';
import { CasesService, HouseholdsService } from '@onedoor/households';
import { ApprovalsService, ReferralsService } from '@onedoor/matching';
import type { Principal } from '@onedoor/platform';
import { type District, householdInput } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/** The plan as the console sends it back: every goal and action with its id. */
const asSave = (plan: PlanDto): SavePlanDto => ({
  revision: plan.revision,
  goals: plan.goals.map((g) => ({
    id: g.id,
    needId: g.needId ?? undefined,
    category: g.category,
    title: g.title,
    targetDate: g.targetDate,
    status: g.status as SavePlanDto['goals'][number]['status'],
    actions: g.actions.map((a) => ({
      id: a.id,
      kind: a.kind as 'referral',
      referralId: a.referralId ?? undefined,
      proposalId: a.proposalId ?? undefined,
      description: a.description,
      dueDate: a.dueDate,
      status: a.status as 'todo',
    })),
  })),
});

describe(PlansService.name, () => {
  let ctx: ServiceContext;
  let sut: PlansService;
  let agreement: PlanAgreementService;
  let planSync: PlanSyncService;
  let tree: District;
  let assessor: Principal;

  beforeAll(async () => {
    ctx = await startServices([CaseworkModule]);
    sut = ctx.get(PlansService);
    agreement = ctx.get(PlanAgreementService);
    planSync = ctx.get(PlanSyncService);
    tree = await ctx.factory.district();
    assessor = await ctx.factory.principal('assessor', tree.streetA);
  });
  afterAll(() => ctx.close());

  const q = (sql: string, params: unknown[] = []) => ctx.dataSource.query(sql, params);

  /**
   * A registered household (its case opened) with a completed assessment that found three
   * needs: medical (an approved proposal, referral sent), care (an approved proposal, referral
   * sent) and housing (nothing yet); plus a rejected proposal the plan must not show.
   */
  async function assessedCase(opts: { sent?: boolean } = {}) {
    const household = await ctx
      .get(HouseholdsService)
      .register(householdInput(tree.communityA), assessor);
    const theCase = await ctx.get(CasesService).ofHousehold(household.id, assessor);
    const [{ id: assessmentId }] = await q(
      `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at)
       VALUES ($1, (SELECT id FROM assessment_template ORDER BY version LIMIT 1), 'completed', $2, now())
       RETURNING id`,
      [household.id, assessor.userId],
    );
    const need = async (category: string, severity: number) =>
      (
        await q(
          `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, status, source)
           VALUES ($1, $2, $3, $4, 'normal', 'matched', 'assessor') RETURNING id`,
          [household.id, assessmentId, category, severity],
        )
      )[0].id as string;
    const medical = await need('medical', 5);
    const care = await need('care', 4);
    const housing = await need('housing', 3);
    const provider = await ctx.factory.provider(tree.streetA);
    const proposal = async (needId: string, category: string, status = 'approved') => {
      const resource = await ctx.factory.resource(provider, tree.streetA, {
        categoryCode: category,
      });
      const [{ id }] = await q(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
         VALUES ($1, $2, $3, $4, $5, 0.9, 1, 'normal', $6, '[]') RETURNING id`,
        [needId, household.id, resource.id, assessmentId, status, category],
      );
      return { id: id as string, resource };
    };
    const referral = async (p: { id: string; resource: { id: string } }, needId: string) =>
      (
        await q(
          `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, urgency, category_code, accept_due_at, deliver_due_at, snapshot)
           VALUES ($1, $2, $3, $4, $5, $6, 'normal', 'medical', now() + interval '2 days', now() + interval '10 days', '{}')
           RETURNING id`,
          [p.id, needId, household.id, p.resource.id, provider.id, tree.communityA.path],
        )
      )[0].id as string;
    const sent = opts.sent ?? true;
    const medicalProposal = await proposal(medical, 'medical', sent ? 'approved' : 'proposed');
    const careProposal = await proposal(care, 'care', sent ? 'approved' : 'proposed');
    await proposal(housing, 'housing', 'rejected');
    const medicalReferral = sent ? await referral(medicalProposal, medical) : '';
    const careReferral = sent ? await referral(careProposal, care) : '';
    return {
      household,
      theCase,
      provider,
      medical,
      care,
      housing,
      medicalProposal: medicalProposal.id,
      careProposal: careProposal.id,
      medicalReferral,
      careReferral,
    };
  }

  it('generates a draft from the assessment and approved proposals; agreed, it follows its referrals', async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    expect(draft).toMatchObject({ version: 1, status: 'draft' });
    expect(draft.goals.map((g) => [g.needId, g.title, g.status])).toEqual([
      [c.medical, '医疗救助', 'open'],
      [c.care, '照护服务', 'open'],
      [c.housing, '住房救助', 'open'],
    ]);
    expect(draft.goals[0].actions).toEqual([
      expect.objectContaining({ kind: 'referral', referralId: c.medicalReferral, status: 'todo' }),
    ]);
    expect(draft.goals[2].actions).toEqual([]); // the rejected proposal is no step
    await expect(sut.generate(c.theCase.id, assessor)).rejects.toMatchObject({
      code: 'CASE_PLAN_EXISTS',
    });

    const agreed = await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主本人', method: 'attestation' },
      assessor,
    );
    expect(agreed).toMatchObject({
      status: 'agreed',
      agreementMethod: 'attestation',
      attestedBy: assessor.userId,
    });

    // The medical referral is delivered, the care one declined, the housing need fulfilled.
    await q(`UPDATE referral SET status = 'delivered', delivered_at = now() WHERE id = $1`, [
      c.medicalReferral,
    ]);
    await q(`UPDATE referral SET status = 'declined', ended_at = now() WHERE id = $1`, [
      c.careReferral,
    ]);
    await q(`UPDATE need SET status = 'fulfilled', ended_at = now() WHERE id = $1`, [c.housing]);
    expect(await planSync.sync()).toEqual(
      expect.objectContaining({ actionsDone: expect.any(Number) }),
    );
    const after = await sut.get(c.theCase.id, assessor);
    const [medical, care, housing] = after.goals;
    expect(medical.actions[0]).toMatchObject({ status: 'done', referralStatus: 'delivered' });
    expect(medical).toMatchObject({ flagged: false, status: 'open' });
    expect(care).toMatchObject({ flagged: true, flagReason: 'referral_declined' });
    expect(care.actions[0]).toMatchObject({ status: 'cancelled', referralStatus: 'declined' });
    expect(housing).toMatchObject({ status: 'achieved', needStatus: 'fulfilled' });
    expect(after.revision).toBeGreaterThan(agreed.revision);
    expect(after.status).toBe('agreed'); // progress moves; the agreed content stays

    // Idempotent: a second run changes nothing.
    expect(await planSync.sync(c.theCase.id)).toEqual({
      actionsDone: 0,
      goalsFlagged: 0,
      goalsAchieved: 0,
    });
    const audit = await q(
      `SELECT action, data FROM audit_log WHERE entity_type = 'case_plan' AND entity_id = $1 ORDER BY id`,
      [after.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'generate',
      'agree',
      'action_done',
      'goal_flagged',
      'goal_achieved',
    ]);
    for (const a of audit)
      expect(a.data).toMatchObject({ householdId: c.household.id, caseId: c.theCase.id });
    const [notice] = await q(
      `SELECT audience, entity_type, data FROM outbox_event WHERE type = 'case_plan.goal_flagged' AND entity_id = $1`,
      [c.theCase.id],
    );
    expect(notice.entity_type).toBe('case');
    expect(notice.audience).toEqual([{ userIds: [assessor.userId] }]);
    // The goal by id and category: its title (free text) stays out of the outbox.
    expect(notice.data).toMatchObject({ planId: after.id, goalId: care.id, categoryCode: 'care' });
    expect(notice.data).not.toHaveProperty('goalTitle');
  });

  it('flags the goal of the agreed version and of its draft on one decline, and notifies once', async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const v1 = await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );
    const v2 = await sut.save(c.theCase.id, asSave(v1), assessor);
    await q(`UPDATE referral SET status = 'declined', ended_at = now() WHERE id = $1`, [
      c.careReferral,
    ]);
    expect(await planSync.sync(c.theCase.id)).toMatchObject({ goalsFlagged: 2 });
    const flagged = await q(
      `SELECT p.version FROM case_plan_goal g JOIN case_plan p ON p.id = g.plan_id
        WHERE p.case_id = $1 AND g.flagged ORDER BY p.version`,
      [c.theCase.id],
    );
    expect(flagged.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(v2.version).toBe(2);
    const notices = await q(
      `SELECT data FROM outbox_event WHERE type = 'case_plan.goal_flagged' AND entity_id = $1`,
      [c.theCase.id],
    );
    expect(notices).toHaveLength(1);
  });

  it('agrees after locking the live plans in id order, as the sync does, so the two cannot deadlock', async () => {
    // Ids are random: take a case whose new draft sorts after its agreed version, the order in
    // which locking the draft first (then superseding the agreed one) crosses the sync's.
    let found: { caseId: string; agreed: PlanDto; draft: PlanDto } | null = null;
    for (let i = 0; i < 20 && !found; i++) {
      const c = await assessedCase({ sent: false });
      const first = await sut.generate(c.theCase.id, assessor);
      const agreed = await agreement.agree(
        c.theCase.id,
        { revision: first.revision, agreedByName: '户主', method: 'attestation' },
        assessor,
      );
      const draft = await sut.save(c.theCase.id, asSave(agreed), assessor);
      if (draft.id > agreed.id) found = { caseId: c.theCase.id, agreed, draft };
    }
    const { caseId, agreed, draft } = found!;
    const sync = ctx.dataSource.createQueryRunner();
    await sync.connect();
    await sync.startTransaction();
    let agreeing: Promise<PlanDto> | null = null;
    try {
      // The sync holds the first live plan in id order…
      await sync.query(`SELECT id FROM case_plan WHERE id = $1 FOR UPDATE`, [agreed.id]);
      agreeing = agreement.agree(
        caseId,
        { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
        assessor,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // …and takes the next: the agreement waits behind the first without holding the draft.
      await sync.query(`SELECT id FROM case_plan WHERE id = $1 FOR UPDATE NOWAIT`, [draft.id]);
      await sync.commitTransaction();
      await expect(agreeing).resolves.toMatchObject({ version: 2, status: 'agreed' });
    } finally {
      if (sync.isTransactionActive) await sync.rollbackTransaction();
      await sync.release();
      await agreeing?.catch(() => undefined);
    }
  });

  it('follows the real referral steps: approved, delivered and closed resolved, or declined', async () => {
    const c = await assessedCase({ sent: false });
    const staff = await ctx.factory.principal('civil_affairs', tree.streetA);
    const providerUser = await ctx.factory.principal('provider', tree.streetA, c.provider.id);
    const approvals = ctx.get(ApprovalsService);
    const referrals = ctx.get(ReferralsService);
    // Approved before the plan: the draft holds the referral.
    const medicalReferral = await approvals.approve(c.medicalProposal, staff);
    const draft = await sut.generate(c.theCase.id, assessor);
    expect(draft.goals.map((g) => g.actions.map((a) => a.referralStatus))).toEqual([
      ['open'],
      [], // the care proposal waits for approval: no step yet
      [],
    ]);
    await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );

    await referrals.accept(medicalReferral, providerUser);
    await referrals.deliver(medicalReferral, { units: 1 }, providerUser);
    let plan = await sut.get(c.theCase.id, assessor);
    expect(plan.goals[0].actions[0]).toMatchObject({ status: 'done', referralStatus: 'delivered' });
    expect(plan.goals[0].status).toBe('open');

    await referrals.close(medicalReferral, { satisfaction: 5, resolved: true }, assessor);
    plan = await sut.get(c.theCase.id, assessor);
    expect(plan.goals[0]).toMatchObject({ status: 'achieved', needStatus: 'fulfilled' });

    // The care proposal approved after the plan, added by the adviser, then declined.
    const careReferral = await approvals.approve(c.careProposal, staff);
    const edit = asSave(plan);
    edit.goals[1].actions.push({
      kind: 'referral',
      referralId: careReferral,
      description: '照护服务转介',
      status: 'todo',
    });
    await sut.save(c.theCase.id, edit, assessor); // version 2, a draft
    await referrals.decline(careReferral, { reason: 'capacity' }, providerUser);
    plan = await sut.get(c.theCase.id, assessor);
    expect(plan).toMatchObject({ version: 2, status: 'draft' });
    expect(plan.goals[1]).toMatchObject({ flagged: true, flagReason: 'referral_declined' });
    expect(plan.goals[1].actions[0]).toMatchObject({ status: 'cancelled' });

    // The adviser clears the flag: the sync does not raise it again.
    const cleared = asSave(plan);
    cleared.goals[1].flagged = false;
    await sut.save(c.theCase.id, cleared, assessor);
    expect((await sut.get(c.theCase.id, assessor)).goals[1].flagged).toBe(false);
  });

  it('links an action made for a proposal to the referral its approval sent later', async () => {
    const c = await assessedCase();
    await q(`DELETE FROM referral WHERE id = $1`, [c.careReferral]);
    const draft = await sut.generate(c.theCase.id, assessor);
    expect(draft.goals[1].actions[0]).toMatchObject({ referralId: null, status: 'todo' });
    const [{ proposal_id }] = await q(`SELECT proposal_id FROM case_plan_action WHERE id = $1`, [
      draft.goals[1].actions[0].id,
    ]);
    const [{ id: referralId }] = await q(
      `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency, category_code, accept_due_at, deliver_due_at, snapshot, delivered_at)
       SELECT p.id, p.need_id, p.household_id, p.resource_id, r.provider_id, $2, 'delivered', 'normal', 'care', now(), now(), '{}', now()
         FROM match_proposal p JOIN resource r ON r.id = p.resource_id WHERE p.id = $1
       RETURNING id`,
      [proposal_id, tree.communityA.path],
    );
    const after = await sut.get(c.theCase.id, assessor); // the read syncs its case first
    expect(after.goals[1].actions[0]).toMatchObject({ referralId, status: 'done' });
  });

  it('editing an agreed plan writes version 2 as a draft; version 1 stays readable', async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const v1 = await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );
    const edit = asSave(v1);
    edit.goals[0].targetDate = '2027-03-31';
    edit.goals.push({
      category: 'employment',
      title: '找到一份稳定工作',
      status: 'in_progress',
      actions: [{ kind: 'family_step', description: '参加招聘会', status: 'todo' }],
    });
    const v2 = await sut.save(c.theCase.id, edit, assessor);
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.goals).toHaveLength(4);
    expect(v2.goals[0].targetDate).toBe('2027-03-31');
    expect(v2.goals[0].id).not.toBe(v1.goals[0].id); // a copy, not the agreed rows

    const older = await sut.get(c.theCase.id, assessor, 1);
    expect(older).toMatchObject({ version: 1, status: 'agreed' });
    expect(older.goals).toHaveLength(3);
    expect(older.goals[0].targetDate).toBeNull();

    // A second edit of version 2 stays version 2.
    const again = await sut.save(c.theCase.id, asSave(v2), assessor);
    expect(again).toMatchObject({ version: 2, status: 'draft' });
    expect(again.goals.map((g) => g.id)).toEqual(v2.goals.map((g) => g.id));

    const agreed2 = await agreement.agree(
      c.theCase.id,
      { revision: again.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );
    expect(agreed2.status).toBe('agreed');
    const versions = await sut.versions(c.theCase.id, assessor);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'agreed'],
      [1, 'superseded'],
    ]);
  });

  it("starts a new version's draft past the agreed revision: the agreed one's client is stale", async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const v1 = await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );
    const v2 = await sut.save(c.theCase.id, asSave(v1), assessor);
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.revision).toBeGreaterThan(v1.revision);
    await sut.save(c.theCase.id, asSave(v2), assessor);
    // A client still holding agreed version 1 neither overwrites nor agrees the draft it never saw.
    const held = asSave(v1);
    held.goals[0].title = '旧页面的修改';
    await expect(sut.save(c.theCase.id, held, assessor)).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    await expect(
      agreement.agree(
        c.theCase.id,
        { revision: v1.revision, agreedByName: '户主', method: 'attestation' },
        assessor,
      ),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect((await sut.get(c.theCase.id, assessor)).goals[0].title).toBe(v1.goals[0].title);
  });

  it('of two saves of one agreed plan at once, one writes version 2 and the other is 409', async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const v1 = await agreement.agree(
      c.theCase.id,
      { revision: draft.revision, agreedByName: '户主', method: 'attestation' },
      assessor,
    );
    const results = await Promise.allSettled([
      sut.save(c.theCase.id, asSave(v1), assessor),
      sut.save(c.theCase.id, asSave(v1), assessor),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'STALE_VERSION' });
    const versions = await sut.versions(c.theCase.id, assessor);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
  });

  it('of two edits of one draft sent from the same revision, one wins and the other is 409', async () => {
    const c = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const first = asSave(draft);
    first.goals[0].title = '看病有着落';
    const second = asSave(draft);
    second.goals[0].title = '按时复诊';
    const results = await Promise.allSettled([
      sut.save(c.theCase.id, first, assessor),
      sut.save(c.theCase.id, second, assessor),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'STALE_VERSION' });
    const now = await sut.get(c.theCase.id, assessor);
    expect(now.revision).toBe(draft.revision + 1);
    expect(['看病有着落', '按时复诊']).toContain(now.goals[0].title);
  });

  it("refuses a need, referral or category that is not the household's, field by field", async () => {
    const c = await assessedCase();
    const other = await assessedCase();
    const draft = await sut.generate(c.theCase.id, assessor);
    const edit = asSave(draft);
    edit.goals[0].needId = other.medical;
    edit.goals[1].category = 'no_such_category';
    edit.goals[0].actions[0].referralId = other.medicalReferral;
    await expect(sut.save(c.theCase.id, edit, assessor)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ field: 'goals[0].needId', constraint: 'planLink' }),
        expect.objectContaining({
          field: 'goals[0].actions[0].referralId',
          constraint: 'planLink',
        }),
        expect.objectContaining({ field: 'goals[1].category', constraint: 'unknownCategory' }),
      ],
    });
  });

  it('keeps a plan out of reach of staff outside the area', async () => {
    const c = await assessedCase();
    const outsider = await ctx.factory.principal('assessor', tree.streetB);
    await expect(sut.generate(c.theCase.id, outsider)).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
  });
});
