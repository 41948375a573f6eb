import { CaseOutcomesService, type CaseOutcomesRowDto, ReportingModule } from '@onedoor/reporting';
import { type AreaEntity } from '@onedoor/areas';
import { Clock, type Principal } from '@onedoor/platform';
import type { District } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * A hand-built district: street A holds communities A and A2, street B community B. Advisers X
 * and Y are assessors of the district. The period is 2026-07-01 … 2026-12-31 (China), so it
 * runs from 2026-06-30T16:00Z to 2026-12-31T16:00Z; its 12 months before start 2025-06-30T16:00Z.
 *
 * H1 (A, case X open since 2026-01-10): assessments 03-01 total 60 circle 1, 08-01 total 40
 *    circle 2, 12-20 total 45 circle 2; needs N1 and N3 fulfilled on 03-20 and 04-05.
 * H2 (A2, case Y open since 2026-02-01): 05-01 total 30 circle 4, 09-15 total 20 above every
 *    threshold (circle none).
 * H3 (B, case X 2025-05-01, closed EXITED 2026-10-15): 02-01 total 50, 06-01 total 30 (a
 *    reassessment before the period).
 * H4 (B, case Y 2025-03-01, closed NO_LONGER_IN_DIFFICULTY 2026-02-10, REOPENED 2026-09-01).
 * H5 (A, case X 2025-01-01, closed EXITED 2025-12-01; a need recorded 2026-12-05, more than 12
 *    months after leaving).
 * H6 (A, case X 2025-06-01 closed EXITED 2026-02-20, the household EXITED 2026-03-01; a new case
 *    with X opened 2027-01-05, after the period).
 * H7 (B, case X 2025-01-01, closed MOVED_AWAY 2026-08-01: moving away is not leaving assistance).
 * H8 (B, an open case with no adviser since 2026-03-01).
 * H9 (A2, case Y 2025-01-01 closed EXITED 2025-09-01; a need recorded 2026-05-01).
 */
describe(CaseOutcomesService.name, () => {
  let ctx: ServiceContext;
  let sut: CaseOutcomesService;
  let tree: District;
  let communityA2: AreaEntity;
  let staff: Principal;
  let x: Principal;
  let y: Principal;
  const period = { from: '2026-07-01', to: '2026-12-31' };

  beforeAll(async () => {
    ctx = await startServices([ReportingModule]);
    sut = ctx.get(CaseOutcomesService);
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date('2027-01-10T04:00:00Z'));
    const f = ctx.factory;
    tree = await f.district();
    communityA2 = await f.area('community', tree.streetA);
    staff = await f.principal('civil_affairs', tree.district);
    x = await f.principal('assessor', tree.district);
    y = await f.principal('assessor', tree.district);
    const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params);
    const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`, []);
    const household = async (community: AreaEntity) => (await f.household({ community })).id;
    const openCase = async (h: string, adviser: Principal | null, openedAt: string) =>
      (
        await q(
          `INSERT INTO household_case (household_id, status, adviser_id, opened_at)
           VALUES ($1, 'open', $2, $3) RETURNING id`,
          [h, adviser?.userId ?? null, openedAt],
        )
      )[0].id as string;
    const audit = (type: string, id: string, action: string, at: string, reason: string | null) =>
      q(
        `INSERT INTO audit_log (entity_type, entity_id, action, at, reason) VALUES ($1, $2, $3, $4, $5)`,
        [type, id, action, at, reason],
      );
    // A close as CasesService.close writes it: the case's fields and its audit row.
    const closeCase = async (caseId: string, at: string, reason: string) => {
      await q(
        `UPDATE household_case SET status = 'closed', closed_at = $2, close_reason = $3 WHERE id = $1`,
        [caseId, at, reason],
      );
      await audit('case', caseId, 'close', at, reason);
    };
    const reopenCase = async (caseId: string, at: string) => {
      await q(
        `UPDATE household_case SET status = 'open', closed_at = NULL, close_reason = NULL WHERE id = $1`,
        [caseId],
      );
      await audit('case', caseId, 'reopen', at, 'came back');
    };
    const assess = async (h: string, completedAt: string, total: number, circle: number | null) =>
      (
        await q(
          `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at, total_score, circle)
           VALUES ($1, $2, 'completed', $3, $4, $5, $6) RETURNING id`,
          [h, template, x.userId, completedAt, total, circle],
        )
      )[0].id as string;
    const need = (h: string, assessmentId: string, createdAt: string, ended: string | null) =>
      q(
        `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status, created_at, ended_at)
         VALUES ($1, $2, 'care', 3, 'normal', 'assessment', $3, $4, $5)`,
        [h, assessmentId, ended ? 'fulfilled' : 'open', createdAt, ended],
      );

    const h1 = await household(tree.communityA);
    const c1 = await openCase(h1, x, '2026-01-10T00:00:00Z');
    const h1a1 = await assess(h1, '2026-03-01T00:00:00Z', 60, 1);
    await assess(h1, '2026-08-01T00:00:00Z', 40, 2);
    await assess(h1, '2026-12-20T00:00:00Z', 45, 2);
    await need(h1, h1a1, '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z');
    await need(h1, h1a1, '2026-04-01T00:00:00Z', '2026-04-05T00:00:00Z');

    const h2 = await household(communityA2);
    const c2 = await openCase(h2, y, '2026-02-01T00:00:00Z');
    await assess(h2, '2026-05-01T00:00:00Z', 30, 4);
    await assess(h2, '2026-09-15T00:00:00Z', 20, null);

    const h3 = await household(tree.communityB);
    const c3 = await openCase(h3, x, '2025-05-01T00:00:00Z');
    await closeCase(c3, '2026-10-15T02:00:00Z', 'exited');
    await assess(h3, '2026-02-01T00:00:00Z', 50, 1);
    await assess(h3, '2026-06-01T00:00:00Z', 30, 2);

    const h4 = await household(tree.communityB);
    const c4 = await openCase(h4, y, '2025-03-01T00:00:00Z');
    await closeCase(c4, '2026-02-10T00:00:00Z', 'no_longer_in_difficulty');
    await reopenCase(c4, '2026-09-01T00:00:00Z');

    const h5 = await household(tree.communityA);
    const c5 = await openCase(h5, x, '2025-01-01T00:00:00Z');
    await closeCase(c5, '2025-12-01T00:00:00Z', 'exited');
    await need(h5, await assess(h5, '2026-12-05T00:00:00Z', 35, 2), '2026-12-05T00:00:00Z', null);

    const h6 = await household(tree.communityA);
    await closeCase(
      await openCase(h6, x, '2025-06-01T00:00:00Z'),
      '2026-02-20T00:00:00Z',
      'exited',
    );
    await audit('household', h6, 'exit', '2026-03-01T00:00:00Z', 'grace period ended');
    await openCase(h6, x, '2027-01-05T00:00:00Z');

    const h7 = await household(tree.communityB);
    await closeCase(
      await openCase(h7, x, '2025-01-01T00:00:00Z'),
      '2026-08-01T00:00:00Z',
      'moved_away',
    );

    const h8 = await household(tree.communityB);
    const c8 = await openCase(h8, null, '2026-03-01T00:00:00Z');

    const h9 = await household(communityA2);
    await closeCase(
      await openCase(h9, y, '2025-01-01T00:00:00Z'),
      '2025-09-01T00:00:00Z',
      'exited',
    );
    await need(h9, await assess(h9, '2026-05-01T00:00:00Z', 40, 2), '2026-05-01T00:00:00Z', null);

    // Plans: a version per row; the goals of the agreed (current) one count.
    const plan = async (
      caseId: string,
      version: number,
      status: string,
      agreedAt: string | null,
      goals: string[],
    ) => {
      const [{ id }] = await q(
        `INSERT INTO case_plan (case_id, version, status, agreed_at, created_at)
         VALUES ($1, $2, $3, $4, '2025-01-01T00:00:00Z') RETURNING id`,
        [caseId, version, status, agreedAt],
      );
      for (const [i, goal] of goals.entries())
        await q(
          `INSERT INTO case_plan_goal (plan_id, category, title, status, sort) VALUES ($1, 'care', '目标', $2, $3)`,
          [id, goal, i],
        );
    };
    await plan(c1, 1, 'superseded', '2026-02-01T00:00:00Z', ['achieved', 'achieved']);
    await plan(c1, 2, 'agreed', '2026-09-01T00:00:00Z', [
      'achieved',
      'achieved',
      'open',
      'dropped',
    ]);
    await plan(c2, 1, 'draft', null, ['achieved']);
    await plan(c4, 1, 'agreed', '2027-01-02T00:00:00Z', ['achieved']);
    await plan(c3, 1, 'agreed', '2025-06-01T00:00:00Z', ['achieved']);
    await plan(c5, 1, 'agreed', '2025-02-01T00:00:00Z', ['achieved']);

    const visit = (
      caseId: string,
      status: string,
      dueAt: string | null,
      occurredAt: string | null,
    ) =>
      q(
        `INSERT INTO case_visit (case_id, kind, status, due_at, occurred_at) VALUES ($1, 'home_visit', $2, $3, $4)`,
        [caseId, status, dueAt, occurredAt],
      );
    // 07-10 08:00 in Beijing, done 23:00 the same Beijing day: on time.
    await visit(c1, 'done', '2026-07-10T00:00:00Z', '2026-07-10T15:00:00Z');
    // 10-10 08:00 in Beijing, done 00:30 on 10-11 in Beijing: late (the same UTC day).
    await visit(c1, 'done', '2026-10-10T00:00:00Z', '2026-10-10T16:30:00Z');
    // Due 12-31 20:00 in Beijing, never made.
    await visit(c1, 'due', '2026-12-31T12:00:00Z', null);
    // Due before the period; a visit made without being due.
    await visit(c1, 'done', '2026-06-20T00:00:00Z', '2026-06-20T01:00:00Z');
    await visit(c1, 'done', null, '2026-08-15T01:00:00Z');
    await visit(c2, 'cancelled', '2026-08-01T00:00:00Z', null);
    // Done a week early: on time.
    await visit(c2, 'done', '2026-11-01T00:00:00Z', '2026-10-25T02:00:00Z');
    // Due after the period.
    await visit(c8, 'due', '2027-01-05T00:00:00Z', null);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  const zeros = {
    caseload: 0,
    visitsDue: 0,
    visitsOnTime: 0,
    visitsOnTimeRate: null,
    plansAgreed: 0,
    plansAgreedRate: null,
    goals: 0,
    goalsAchieved: 0,
    goalsAchievedRate: null,
    reassessments: 0,
    scoreImproved: 0,
    scoreImprovedRate: null,
    meanScoreChange: null,
    tierImproved: 0,
    tierImprovedRate: null,
    needsFulfilled: 0,
    left: 0,
    leftBefore: 0,
    cameBack: 0,
    cameBackRate: null,
  };

  /*
   * The figures, by hand:
   * caseload at 2026-12-31T16:00Z: H1 (X, A), H2 (Y, A2), H4 (Y, B: reopened, so open since
   *   2025-03-01), H8 (no adviser, B) = 4. Not H3, H5, H7, H9 (closed), nor H6 (opened 2027).
   * reassessments in the period: H1 08-01 (60 → 40: −20, circle 1 → 2), H1 12-20 (40 → 45: +5,
   *   circle 2 → 2), H2 09-15 (30 → 20: −10, circle 4 → none) = 3; score improved 2 (2/3 =
   *   0.6667); mean change (−20 + 5 − 10) / 3 = −8.33 → −8.3; tier improved 2; needs fulfilled
   *   between H1's 03-01 and 08-01: N1 and N3 = 2 (H3's 06-01 reassessment is before the period).
   * left in the period: H3 (exited 10-15) = 1; H7 moved away, which is not leaving assistance.
   * left in the 12 months before (2025-06-30T16:00Z … 2026-06-30T16:00Z): H4 (02-10), H5
   *   (2025-12-01), H6 (02-20, and its household exit 03-01: one household), H9 (2025-09-01) = 4;
   *   came back within 12 months and by the period's end: H4 (reopened 09-01), H9 (need 05-01)
   *   = 2 → 0.5. Not H5 (its need came 2026-12-05, 12 months and 4 days after it left), nor H6
   *   (its new case opened after the period).
   * visits due in the period and past due by now: H1's 07-10 (done the same Beijing day: on
   *   time), 10-10 (done 00:30 the next Beijing day: late), 12-31 (never made), and H2's 11-01
   *   (done a week early: on time) = 4, on time 2 → 0.5. Not H1's 06-20 (before the period) nor
   *   its visit that was never due, H2's cancelled one, H8's of 2027-01-05.
   * plans agreed before the period's end, among the 4 open cases: H1 (v2 agreed 09-01) = 1 →
   *   0.25. Not H2 (a draft), H4 (agreed 2027-01-02).
   * goals of the current agreed plan (agreed before the end) of the cases open at some time in
   *   the period (H1, H2, H3, H4, H7, H8): H1 v2 achieved, achieved, open (dropped not counted)
   *   and H3's achieved one = 4, achieved 3 → 0.75. Not H1's superseded v1, H2's draft, H4's plan
   *   agreed after the period, H5's (its case closed before the period).
   */
  it('per adviser: the adviser of each household’s current case, and the unassigned last', async () => {
    const report = await sut.report(
      { ...period, groupBy: 'adviser', areaId: tree.district.id },
      staff,
    );
    expect(report.period).toEqual(period);
    const byKey = new Map(report.rows.map((r) => [r.key, r]));
    expect(report.rows.map((r) => r.key).sort()).toEqual(['', x.userId, y.userId].sort());
    expect(report.rows.at(-1)).toMatchObject({ key: '', name: '未分配顾问' });
    // X: H1's case (caseload 1; its two reassessments: −20 and +5 → 1 improved, mean −7.5,
    // circle 1 → 2 once; N1, N3 fulfilled); H3 left; H5 and H6 left before, neither came back.
    expect(byKey.get(x.userId)).toEqual<CaseOutcomesRowDto>({
      key: x.userId,
      name: x.username,
      caseload: 1,
      visitsDue: 3,
      visitsOnTime: 1,
      visitsOnTimeRate: 0.3333,
      plansAgreed: 1,
      plansAgreedRate: 1,
      goals: 4,
      goalsAchieved: 3,
      goalsAchievedRate: 0.75,
      reassessments: 2,
      scoreImproved: 1,
      scoreImprovedRate: 0.5,
      meanScoreChange: -7.5,
      tierImproved: 1,
      tierImprovedRate: 0.5,
      needsFulfilled: 2,
      left: 1,
      leftBefore: 2,
      cameBack: 0,
      cameBackRate: 0,
    });
    // Y: H2 and H4 open (2); H2's reassessment −10, circle 4 → none; H4 and H9 left before and
    // both came back (1.0).
    expect(byKey.get(y.userId)).toEqual<CaseOutcomesRowDto>({
      key: y.userId,
      name: y.username,
      caseload: 2,
      visitsDue: 1,
      visitsOnTime: 1,
      visitsOnTimeRate: 1,
      plansAgreed: 0,
      plansAgreedRate: 0,
      goals: 0,
      goalsAchieved: 0,
      goalsAchievedRate: null,
      reassessments: 1,
      scoreImproved: 1,
      scoreImprovedRate: 1,
      meanScoreChange: -10,
      tierImproved: 1,
      tierImprovedRate: 1,
      needsFulfilled: 0,
      left: 0,
      leftBefore: 2,
      cameBack: 2,
      cameBackRate: 1,
    });
    // H8's case has no adviser: caseload 1, nothing else.
    expect(byKey.get('')).toEqual({
      key: '',
      name: '未分配顾问',
      ...zeros,
      caseload: 1,
      plansAgreedRate: 0,
    });
    expect(report.total).toEqual<CaseOutcomesRowDto>({
      key: 'total',
      name: '合计',
      caseload: 4,
      visitsDue: 4,
      visitsOnTime: 2,
      visitsOnTimeRate: 0.5,
      plansAgreed: 1,
      plansAgreedRate: 0.25,
      goals: 4,
      goalsAchieved: 3,
      goalsAchievedRate: 0.75,
      reassessments: 3,
      scoreImproved: 2,
      scoreImprovedRate: 0.6667,
      meanScoreChange: -8.3,
      tierImproved: 2,
      tierImprovedRate: 0.6667,
      needsFulfilled: 2,
      left: 1,
      leftBefore: 4,
      cameBack: 2,
      cameBackRate: 0.5,
    });
  });

  it('per community and per street: every community of the scope, zeros included', async () => {
    const byCommunity = await sut.report(
      { ...period, groupBy: 'community', areaId: tree.district.id },
      staff,
    );
    const c = new Map(byCommunity.rows.map((r) => [r.key, r]));
    expect([...c.keys()].sort()).toEqual(
      [tree.communityA.id, communityA2.id, tree.communityB.id].sort(),
    );
    // A: H1 (caseload 1, 2 reassessments −20 and +5, N1 and N3), H5 and H6 left before (no return).
    expect(c.get(tree.communityA.id)).toMatchObject({
      name: tree.communityA.name,
      caseload: 1,
      visitsDue: 3,
      visitsOnTime: 1,
      plansAgreed: 1,
      goals: 3,
      goalsAchieved: 2,
      goalsAchievedRate: 0.6667,
      reassessments: 2,
      scoreImproved: 1,
      meanScoreChange: -7.5,
      tierImproved: 1,
      needsFulfilled: 2,
      left: 0,
      leftBefore: 2,
      cameBack: 0,
      cameBackRate: 0,
    });
    // A2: H2 (caseload 1, −10, circle 4 → none), H9 left before and came back.
    expect(c.get(communityA2.id)).toMatchObject({
      caseload: 1,
      visitsDue: 1,
      visitsOnTime: 1,
      plansAgreed: 0,
      goals: 0,
      reassessments: 1,
      scoreImproved: 1,
      meanScoreChange: -10,
      tierImproved: 1,
      leftBefore: 1,
      cameBack: 1,
      cameBackRate: 1,
    });
    // B: H4 and H8 open (2), H3 left, H4 left before and came back.
    expect(c.get(tree.communityB.id)).toEqual({
      ...zeros,
      key: tree.communityB.id,
      name: tree.communityB.name,
      caseload: 2,
      plansAgreedRate: 0,
      goals: 1,
      goalsAchieved: 1,
      goalsAchievedRate: 1,
      left: 1,
      leftBefore: 1,
      cameBack: 1,
      cameBackRate: 1,
    });

    const byStreet = await sut.report(
      { ...period, groupBy: 'street', areaId: tree.district.id },
      staff,
    );
    const s = new Map(byStreet.rows.map((r) => [r.key, r]));
    expect([...s.keys()].sort()).toEqual([tree.streetA.id, tree.streetB.id].sort());
    // Street A = A + A2: caseload 1 + 1, reassessments 2 + 1 (mean (−20 + 5 − 10) / 3 = −8.3),
    // left before 2 + 1, came back 0 + 1 (1/3 = 0.3333).
    expect(s.get(tree.streetA.id)).toMatchObject({
      caseload: 2,
      reassessments: 3,
      scoreImproved: 2,
      meanScoreChange: -8.3,
      tierImproved: 2,
      left: 0,
      leftBefore: 3,
      cameBack: 1,
      cameBackRate: 0.3333,
    });
    expect(s.get(tree.streetB.id)).toMatchObject({ caseload: 2, reassessments: 0, left: 1 });
    expect(byStreet.total).toEqual({ ...byCommunity.total });
  });

  it('reports on a street of the scope only', async () => {
    const report = await sut.report(
      { ...period, groupBy: 'community', areaId: tree.streetB.id },
      staff,
    );
    expect(report.rows.map((r) => r.key)).toEqual([tree.communityB.id]);
    expect(report.total).toMatchObject({ caseload: 2, left: 1, leftBefore: 1, cameBack: 1 });
  });
});
