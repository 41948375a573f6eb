import { ReportingModule, CoverageTrendService, ReportsService } from '@onedoor/reporting';
import { Clock, type Principal } from '@onedoor/platform';
import type { District } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * The trend's months are Beijing calendar months. Two households of the district have a care
 * need, a resource covers the whole district:
 *   N1 (H1, street A) opened 2026-10-31T15:30Z — 23:30 on 31 October in Beijing — and was met
 *     by a referral delivered at 2026-10-31T16:30Z, 00:30 on 1 November in Beijing;
 *   N2 (H2, street B) opened at 2026-10-31T16:30Z, November in Beijing, still open.
 * Cut by UTC days, October would hold both households and the delivery.
 */
describe(CoverageTrendService.name, () => {
  let ctx: ServiceContext;
  let sut: CoverageTrendService;
  let tree: District;
  let staff: Principal;

  beforeAll(async () => {
    ctx = await startServices([ReportingModule]);
    sut = ctx.get(CoverageTrendService);
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date('2026-12-15T04:00:00Z'));
    const f = ctx.factory;
    tree = await f.district();
    staff = await f.principal('civil_affairs', tree.district);
    const provider = await f.provider(tree.district);
    const resource = await f.resource(provider, tree.district, { categoryCode: 'care' });
    const h1 = await f.household({ community: tree.communityA });
    const h2 = await f.household({ community: tree.communityB });
    const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params);
    const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`, []);
    const assess = async (householdId: string): Promise<string> =>
      (
        await q(
          `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at, facts_snapshot)
           VALUES ($1, $2, 'completed', $2, '2026-10-01T00:00:00Z',
                   '{"eligibility": {"residency": "local", "memberAges": [40], "tags": []}}')
           RETURNING id`,
          [householdId, template],
        )
      )[0].id;
    const need = async (
      householdId: string,
      assessmentId: string,
      createdAt: string,
      ended: string | null,
    ): Promise<string> =>
      (
        await q(
          `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status, created_at, ended_at)
           VALUES ($1, $2, 'care', 3, 'normal', 'assessment', $3, $4, $5) RETURNING id`,
          [householdId, assessmentId, ended ? 'fulfilled' : 'open', createdAt, ended],
        )
      )[0].id;
    const a1 = await assess(h1.id);
    const n1 = await need(h1.id, a1, '2026-10-31T15:30:00Z', '2026-10-31T16:30:00Z');
    await need(h2.id, await assess(h2.id), '2026-10-31T16:30:00Z', null);
    const [{ id: proposal }] = await q(
      `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
       VALUES ($1, $2, $3, $4, 'approved', 0.9, 1, 'normal', 'care', '{}') RETURNING id`,
      [n1, h1.id, resource.id, a1],
    );
    await q(
      `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency,
                             category_code, accept_due_at, deliver_due_at, accepted_at, delivered_at, ended_at, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, 'delivered', 'normal', 'care', '2026-11-03T00:00:00Z', '2026-11-30T00:00:00Z',
               '2026-10-31T16:00:00Z', '2026-10-31T16:30:00Z', '2026-10-31T16:30:00Z',
               '{"decidedAt": "2026-10-31T15:40:00Z"}')`,
      [proposal, n1, h1.id, resource.id, provider.id, tree.communityA.path],
    );
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  it('counts each need and delivery in the Beijing month it falls in', async () => {
    const report = await sut.monthly(
      { areaId: tree.district.id, from: '2026-09', to: '2027-01' },
      staff,
    );
    expect(report.area).toEqual({ id: tree.district.id, name: tree.district.name });
    expect(report.rows.map((r) => [r.month, r.from, r.to])).toEqual([
      ['2026-09', '2026-09-01', '2026-09-30'],
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-30'],
      // The month running ends today; January has not begun.
      ['2026-12', '2026-12-01', '2026-12-15'],
    ]);
    const figures = report.rows.map((r) => ({
      month: r.month,
      households: r.householdsWithNeed,
      accessible: r.accessible,
      attained: r.attained,
      rates: [r.accessibilityRate, r.attainabilityRate],
    }));
    expect(figures).toEqual([
      { month: '2026-09', households: 0, accessible: 0, attained: 0, rates: [null, null] },
      // Only N1 (23:30 on 31 October); its delivery came at 00:30 on 1 November.
      { month: '2026-10', households: 1, accessible: 1, attained: 0, rates: [1, 0] },
      // N1 was still open on 1 November (until 00:30) and met then; N2 opened.
      { month: '2026-11', households: 2, accessible: 2, attained: 1, rates: [1, 0.5] },
      // N1 ended in November: only N2 is open in December.
      { month: '2026-12', households: 1, accessible: 1, attained: 0, rates: [1, 0] },
    ]);
  });

  it('gives for a month what the coverage report gives over the same days', async () => {
    const november = await ctx
      .get(ReportsService)
      .coverage(
        { areaId: tree.district.id, from: '2026-11-01', to: '2026-11-30', groupBy: 'area' },
        staff,
      );
    const [row] = (
      await sut.monthly({ areaId: tree.district.id, from: '2026-11', to: '2026-11' }, staff)
    ).rows;
    expect(row).toMatchObject({
      householdsWithNeed: november.total.householdsWithNeed,
      accessible: november.total.accessible,
      attained: november.total.attained,
      accessibilityRate: november.total.accessibilityRate,
      attainabilityRate: november.total.attainabilityRate,
    });
  });

  it('refuses a category that does not exist and an area outside the caller’s scope', async () => {
    await expect(
      sut.monthly({ areaId: tree.district.id, category: 'no_such_thing' }, staff),
    ).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND' });
    const other = await ctx.factory.district();
    await expect(sut.monthly({ areaId: other.district.id }, staff)).rejects.toMatchObject({
      code: 'AREA_OUT_OF_SCOPE',
    });
  });
});
