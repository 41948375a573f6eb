import { CaseworkModule, OutcomesService } from '@onedoor/casework';
import type { Principal } from '@onedoor/platform';
import type { District } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * One household, three completed assessments (the first two superseded, as completion leaves
 * them), scores and tiers set by hand:
 *   A1 2026-03-01  total 60.0  economic 80.0  health 50.0  subsistence (circle 1)
 *   A2 2026-08-01  total 40.0  economic 50.0  health 50.0  low_income  (circle 2)
 *   A3 2026-12-20  total 45.0  economic 50.0  health 62.5  low_income  (circle 2)
 * Needs and their referrals (days from the need's creation to its FIRST delivered referral):
 *   N1 created 03-01, delivered 03-11 → 10 days, fulfilled 03-20
 *   N3 created 04-01, delivered 04-03 →  2 days, fulfilled 04-05
 *   N4 created 04-01, delivered 04-04 →  3 days (a second delivery on 05-01 does not count), still matched
 *   N2 created 08-01 00:00, delivered 08-05 12:00 → 4.5 days, still matched
 * A draft assessment on 12-25 is not an outcome.
 */
describe(OutcomesService.name, () => {
  let ctx: ServiceContext;
  let sut: OutcomesService;
  let tree: District;
  let assessor: Principal;
  let caseId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startServices([CaseworkModule]);
    sut = ctx.get(OutcomesService);
    const f = ctx.factory;
    tree = await f.district();
    assessor = await f.principal('assessor', tree.streetA);
    const provider = await f.provider(tree.district);
    const r1 = await f.resource(provider, tree.district, { categoryCode: 'care' });
    const r2 = await f.resource(provider, tree.district, { categoryCode: 'care' });
    const h = await f.household({ community: tree.communityA });
    const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params);
    const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`, []);
    caseId = (
      await q(
        `INSERT INTO household_case (household_id, status, adviser_id, opened_at)
         VALUES ($1, 'open', $2, '2026-01-10T00:00:00Z') RETURNING id`,
        [h.id, assessor.userId],
      )
    )[0].id;
    const assess = async (
      status: string,
      completedAt: string | null,
      total: number | null,
      dims: Record<string, number> | null,
      tier: string | null,
      circle: number | null,
    ): Promise<string> =>
      (
        await q(
          `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at,
                                   total_score, dimension_scores, tier, circle)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [h.id, template, status, assessor.userId, completedAt, total, dims, tier, circle],
        )
      )[0].id;
    ids.a1 = await assess(
      'superseded',
      '2026-03-01T00:00:00Z',
      60,
      { economic: 80, health: 50 },
      'subsistence',
      1,
    );
    ids.a2 = await assess(
      'superseded',
      '2026-08-01T00:00:00Z',
      40,
      { economic: 50, health: 50 },
      'low_income',
      2,
    );
    ids.a3 = await assess(
      'completed',
      '2026-12-20T00:00:00Z',
      45,
      { economic: 50, health: 62.5 },
      'low_income',
      2,
    );
    await assess('draft', null, null, null, null, null);
    const need = async (assessmentId: string, createdAt: string, ended: string | null) =>
      (
        await q(
          `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status, created_at, ended_at)
           VALUES ($1, $2, 'care', 3, 'normal', 'assessment', $3, $4, $5) RETURNING id`,
          [h.id, assessmentId, ended ? 'fulfilled' : 'matched', createdAt, ended],
        )
      )[0].id as string;
    const delivered = async (
      needId: string,
      assessmentId: string,
      resource: { id: string },
      at: string,
      status = 'delivered',
    ) => {
      const [{ id: proposal }] = await q(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
         VALUES ($1, $2, $3, $4, 'approved', 0.9, 1, 'normal', 'care', '{}') RETURNING id`,
        [needId, h.id, resource.id, assessmentId],
      );
      await q(
        `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency,
                               category_code, accept_due_at, deliver_due_at, accepted_at, delivered_at, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'normal', 'care', $8, $8, $8, $8, '{}')`,
        [proposal, needId, h.id, resource.id, provider.id, tree.communityA.path, status, at],
      );
    };
    const n1 = await need(ids.a1, '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z');
    await delivered(n1, ids.a1, r1, '2026-03-11T00:00:00Z');
    const n3 = await need(ids.a1, '2026-04-01T00:00:00Z', '2026-04-05T00:00:00Z');
    await delivered(n3, ids.a1, r1, '2026-04-03T00:00:00Z');
    const n4 = await need(ids.a1, '2026-04-01T00:00:00Z', null);
    await delivered(n4, ids.a1, r1, '2026-04-04T00:00:00Z', 'closed');
    await delivered(n4, ids.a1, r2, '2026-05-01T00:00:00Z');
    const n2 = await need(ids.a2, '2026-08-01T00:00:00Z', null);
    await delivered(n2, ids.a2, r1, '2026-08-05T12:00:00Z');
  });
  afterAll(() => ctx.close());

  it('answers the change at each reassessment, newest first', async () => {
    const { outcomes, householdId } = await sut.ofCase(caseId, assessor);
    expect(householdId).toBeDefined();
    expect(outcomes).toHaveLength(2);
    const [third, second] = outcomes;
    // A1 → A2: total 60 → 40 is −20 (better); economic 80 → 50 is −30, health unchanged;
    // circle 1 → 2 moved outward; N1 and N3 fulfilled between 03-01 and 08-01; helped N1 (10),
    // N3 (2), N4 (3): median 3, mean (10 + 2 + 3) / 3 = 5.
    expect(second).toMatchObject({
      assessmentId: ids.a2,
      previousAssessmentId: ids.a1,
      previousCompletedAt: '2026-03-01T00:00:00.000Z',
      completedAt: '2026-08-01T00:00:00.000Z',
      totalBefore: 60,
      totalAfter: 40,
      totalChange: -20,
      scoreImproved: true,
      tierBefore: 'subsistence',
      tierAfter: 'low_income',
      circleBefore: 1,
      circleAfter: 2,
      tierImproved: true,
      needsFulfilled: 2,
      needsHelped: 3,
      medianDaysToHelp: 3,
      meanDaysToHelp: 5,
    });
    expect(second.dimensions).toEqual([
      { dimension: 'economic', before: 80, after: 50, change: -30 },
      { dimension: 'health', before: 50, after: 50, change: 0 },
    ]);
    // A2 → A3: total 40 → 45 is +5 (worse), same circle; nothing fulfilled; N2 helped after 4.5 days.
    expect(third).toMatchObject({
      assessmentId: ids.a3,
      previousAssessmentId: ids.a2,
      totalChange: 5,
      scoreImproved: false,
      tierBefore: 'low_income',
      tierAfter: 'low_income',
      tierImproved: false,
      needsFulfilled: 0,
      needsHelped: 1,
      medianDaysToHelp: 4.5,
      meanDaysToHelp: 4.5,
    });
    expect(third.dimensions).toEqual([
      { dimension: 'economic', before: 50, after: 50, change: 0 },
      { dimension: 'health', before: 50, after: 62.5, change: 12.5 },
    ]);
  });

  it('answers 404 for a case outside the caller’s area', async () => {
    const elsewhere = await ctx.factory.principal(
      'assessor',
      (await ctx.factory.district()).streetA,
    );
    await expect(sut.ofCase(caseId, elsewhere)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });
});
