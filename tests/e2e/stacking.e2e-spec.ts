import { AssistanceEntriesRepository } from '@onedoor/ledger';
import { todayInChina } from '@onedoor/platform';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';

type NeedView = {
  needId: string;
  categoryCode: string;
  status: string;
  gap?: { gapFen: number; coveredFen: number; leftFen: number } | null;
  proposals: Array<{ id: string; resourceId: string; status: string; coversFen?: number | null }>;
  rejected: Array<{ resourceId: string; reason: string; stacking?: { rule: string } }>;
};

/**
 * The stacking rules over HTTP: a money-gap need's figures in the why-not view, a second
 * source approved while some is left, and a department's entry covering the rest refusing the
 * last proposal with a localized 409, then the re-match it queued superseding that proposal.
 */
describe('Stacking rules through the API (e2e)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('shows the gap and each proposal’s share, stacks two sources, and refuses once an entry covers the rest', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { provider: org, token: provider } = await ctx.newProviderWithUser(tree.district);
    const medicalAid = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'medical',
      form: 'cash',
      valuePerUnitFen: 1_500_000,
      title: '医疗救助（测试）',
    });
    const fund = await ctx.publishedResource(provider, staff, tree.communityA, {
      categoryCode: 'medical',
      form: 'cash',
      valuePerUnitFen: 1_000_000,
      title: '大病救助基金（测试）',
    });
    const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
      monthly_medical_expense_yuan: 3000,
    });
    const medicalOf = async () =>
      (
        (
          await ctx.http
            .get(`/api/households/${household.id}/matches`)
            .set('Authorization', staff)
            .expect(200)
        ).body as NeedView[]
      ).find((n) => n.categoryCode === 'medical')!;
    const need = await eventually(
      async () => {
        const n = await medicalOf();
        return n?.proposals.filter((p) => p.status === 'proposed').length === 2 ? n : undefined;
      },
      20_000,
      'both medical resources proposed',
    );
    expect(need.gap).toBeNull();
    expect(need.proposals.map((p) => p.coversFen)).toEqual([null, null]);

    // The assessed out-of-pocket cost: ¥20,000 (no API of this part sets it).
    await ctx.dataSource.query(`UPDATE need SET gap_fen = 2000000 WHERE id = $1`, [need.needId]);
    let view = await medicalOf();
    expect(view.gap).toEqual({ gapFen: 2_000_000, coveredFen: 0, leftFen: 2_000_000 });
    const proposalOfIn = (n: NeedView, id: string) => n.proposals.find((p) => p.resourceId === id)!;
    const proposalOf = (id: string) => proposalOfIn(view, id);
    expect(proposalOf(medicalAid.id).coversFen).toBe(1_500_000);
    expect(proposalOf(fund.id).coversFen).toBe(1_000_000);

    await ctx.http
      .post(`/api/matches/${proposalOf(medicalAid.id).id}/approve`)
      .set('Authorization', staff)
      .expect(201);
    view = await medicalOf();
    expect(view.gap).toEqual({ gapFen: 2_000_000, coveredFen: 1_500_000, leftFen: 500_000 });
    expect(proposalOf(fund.id)).toMatchObject({ status: 'proposed', coversFen: 500_000 });

    // The district's civil-affairs bureau records the ¥5,000 it paid towards the same need.
    await ctx.app
      .get(AssistanceEntriesRepository, { strict: false })
      .insertMany(ctx.dataSource.manager, [
        {
          householdId: household.id,
          needId: need.needId,
          source: 'entry',
          grantedBy: '和平区民政局',
          categoryCode: 'medical',
          title: '临时救助',
          form: 'cash',
          frequency: 'one_off',
          amountFen: 500_000,
          startsOn: '2026-10-03',
          endsOn: '2026-10-03',
          areaPath: tree.communityA.path,
          tier: null,
          residency: 'local',
          recordedById: null,
        },
      ]);
    view = await medicalOf();
    expect(view.gap).toEqual({ gapFen: 2_000_000, coveredFen: 2_000_000, leftFen: 0 });
    expect(proposalOf(fund.id).coversFen).toBe(0);

    const refused = await ctx.http
      .post(`/api/matches/${proposalOf(fund.id).id}/approve`)
      .set('Authorization', staff)
      .expect(409);
    // The conflict names the need's most recent benefit: the referral approved today.
    const today = todayInChina(new Date());
    expect(refused.body).toMatchObject({
      code: 'STACKING_CONFLICT',
      message: `该家庭已于${today}起从${org.name}获得医疗救助（测试），该需求的费用缺口已全部覆盖`,
      details: {
        rule: 'gap_covered',
        grantedBy: org.name,
        title: '医疗救助（测试）',
        since: today,
        stacking: expect.objectContaining({
          rule: 'gap_covered',
          benefit: expect.objectContaining({ source: 'pending_referral', amountFen: 1_500_000 }),
        }),
      },
    });
    // The refusal queued a re-match: the matcher's run supersedes the proposal and the why-not
    // view says why the fund is no longer proposed.
    const after = await eventually(
      async () => {
        const n = await medicalOf();
        return proposalOfIn(n, fund.id).status === 'superseded' ? n : undefined;
      },
      20_000,
      'the re-match after the refusal',
    );
    expect(after.status).toBe('matched');
    expect(after.rejected.find((r) => r.resourceId === fund.id)).toMatchObject({
      reason: 'DUPLICATE_ASSISTANCE',
      stacking: { rule: 'gap_covered' },
    });
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM referral WHERE need_id = $1`,
      [need.needId],
    );
    expect(n).toBe(1);
  });
});
