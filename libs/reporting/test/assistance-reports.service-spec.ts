import { type AreaEntity } from '@onedoor/areas';
import {
  AssistanceEntriesRepository,
  LedgerModule,
  type NewAssistanceEntry,
} from '@onedoor/ledger';
import { Clock, type Principal } from '@onedoor/platform';
import { AssistanceReportsService, ReportingModule } from '@onedoor/reporting';
import type { District } from '../../../tests/factories';
import { finishedAssistanceImport } from '../../../tests/factories/assistance-import';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * A hand-built ledger. Today is 2026-12-15 (China); the period is 2026-09 … 2026-11.
 * District D: community A (urban) and community B (rural, `area.rural`).
 *   H1 (A, local; tier now low_income, but its entries were recorded when it was subsistence)
 *   H2 (B, non-local, low_income)
 *   H3 (A, non-local, no tier)
 * District O (out of scope for D's staff): HX with a running 低保.
 *
 *   E1 H1 import  basic_living 低保金   monthly 600.00 2026-06-01 … 2026-10-31 (spans the start)
 *   E2 H1 entry   medical      医疗救助 one-off 1500.00 2026-10-08
 *   E3 H2 entry   basic_living 低保金   monthly 500.00 2026-10-15 … (running)
 *   E4 H3 import  emergency    临时救助 one-off  800.00 2026-11-30 (last day of the period)
 *   E5 H3 entry   emergency    临时救助 one-off  300.00 2026-08-31 (the day before the period)
 *   E6 H1 entry   education    助学金   one-off  200.00 2026-09-10, voided
 *   E7 HX import  basic_living 低保金   monthly 400.00 2026-01-01 … (running, district O)
 *   E8 H2 import  basic_living "低保金\u3000" monthly 500.00 2026-09-01 … 2026-10-31
 *   E9 H1 entry   basic_living 低保金   monthly 600.00 2026-11-01 … (running; E1 renewed)
 */
describe(AssistanceReportsService.name, () => {
  let ctx: ServiceContext;
  let sut: AssistanceReportsService;
  let d: District;
  let o: District;
  let staff: Principal;
  let m: District;
  let ids: Record<string, string>;
  let hh: Record<string, string>;
  const period = { from: '2026-09', to: '2026-11' };

  beforeAll(async () => {
    ctx = await startServices([LedgerModule, ReportingModule]);
    sut = ctx.get(AssistanceReportsService);
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date('2026-12-15T04:00:00Z'));
    const f = ctx.factory;
    const q = (sql: string, params: unknown[] = []) => ctx.dataSource.query(sql, params);
    d = await f.district();
    o = await f.district();
    m = await f.district();
    await q(`UPDATE area SET rural = true WHERE id = $1`, [d.communityB.id]);
    staff = await f.principal('civil_affairs', d.district);
    const importId = await finishedAssistanceImport(q, staff.userId);

    const household = async (community: AreaEntity, fields: Record<string, unknown>) =>
      (await f.household({ community, ...fields })).id;
    hh = {
      H1: await household(d.communityA, { residency: 'local', tier: 'low_income' }),
      H2: await household(d.communityB, { residency: 'non_local', tier: 'low_income' }),
      H3: await household(d.communityA, { residency: 'non_local' }),
      HX: await household(o.communityA, { residency: 'local' }),
    };
    const where: Record<string, AreaEntity> = {
      H1: d.communityA,
      H2: d.communityB,
      H3: d.communityA,
      HX: o.communityA,
    };
    const entry = (
      h: string,
      source: 'entry' | 'import',
      categoryCode: string,
      title: string,
      frequency: 'one_off' | 'monthly',
      amountFen: number,
      startsOn: string,
      endsOn: string | null,
      copy: Pick<NewAssistanceEntry, 'tier' | 'residency'>,
    ): NewAssistanceEntry => ({
      householdId: hh[h],
      source,
      importId: source === 'import' ? importId : null,
      grantedBy: source === 'import' ? '和平区民政局' : '和平区医保局',
      categoryCode,
      title,
      form: 'cash',
      frequency,
      amountFen,
      startsOn,
      endsOn: frequency === 'one_off' ? startsOn : endsOn,
      areaPath: where[h].path,
      recordedById: null,
      ...copy,
    });
    const sub = { tier: 'subsistence', residency: 'local' } as const;
    const low = { tier: 'low_income', residency: 'non_local' } as const;
    const none = { tier: null, residency: 'non_local' } as const;
    const all = {
      E1: entry(
        'H1',
        'import',
        'basic_living',
        '低保金',
        'monthly',
        60_000,
        '2026-06-01',
        '2026-10-31',
        sub,
      ),
      E2: entry('H1', 'entry', 'medical', '医疗救助', 'one_off', 150_000, '2026-10-08', null, sub),
      E3: entry(
        'H2',
        'entry',
        'basic_living',
        '低保金',
        'monthly',
        50_000,
        '2026-10-15',
        null,
        low,
      ),
      E4: entry(
        'H3',
        'import',
        'emergency',
        '临时救助',
        'one_off',
        80_000,
        '2026-11-30',
        null,
        none,
      ),
      E5: entry(
        'H3',
        'entry',
        'emergency',
        '临时救助',
        'one_off',
        30_000,
        '2026-08-31',
        null,
        none,
      ),
      E6: entry('H1', 'entry', 'education', '助学金', 'one_off', 20_000, '2026-09-10', null, sub),
      E7: entry(
        'HX',
        'import',
        'basic_living',
        '低保金',
        'monthly',
        40_000,
        '2026-01-01',
        null,
        sub,
      ),
      E8: entry(
        'H2',
        'import',
        'basic_living',
        '低保金\u3000',
        'monthly',
        50_000,
        '2026-09-01',
        '2026-10-31',
        low,
      ),
      E9: entry(
        'H1',
        'entry',
        'basic_living',
        '低保金',
        'monthly',
        60_000,
        '2026-11-01',
        null,
        sub,
      ),
    };
    const names = Object.keys(all);
    const created = await ctx.dataSource.transaction((tx) =>
      ctx.get(AssistanceEntriesRepository).insertMany(tx, Object.values(all)),
    );
    ids = Object.fromEntries(names.map((n, i) => [n, created[i]]));
    await q(
      `UPDATE assistance_entry SET status = 'voided', void_reason = '录入错误' WHERE id = $1`,
      [ids.E6],
    );
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  const figures = (householdTimes: number, amountFen: number, households: number) => ({
    householdTimes,
    amountFen,
    households,
  });
  const ZERO = figures(0, 0, 0);

  /*
   * (entry, month) pairs in 2026-09 … 2026-11 — each one household-time and its amount:
   *   E1 Sep, Oct (its Jun–Aug are before the period)   2 × 60000 = 120000  H1
   *   E2 Oct                                            1 × 150000 = 150000 H1
   *   E3 Oct, Nov (running)                             2 × 50000 = 100000  H2
   *   E4 Nov                                            1 × 80000 = 80000   H3
   *   E8 Sep, Oct                                       2 × 50000 = 100000  H2
   *   E9 Nov (running)                                  1 × 60000 = 60000   H1
   * Not E5 (August), E6 (voided), E7 (district O).
   * Total: 2+1+2+1+2+1 = 9 household-times, 120000+150000+100000+80000+100000+60000 = 610000
   * fen, households H1 H2 H3 = 3.
   */
  const TOTAL = { key: 'total', ...figures(9, 610_000, 3) };

  it('per source: household-times, amount and distinct households', async () => {
    const r = await sut.assistance({ ...period, groupBy: 'source' }, staff);
    expect(r.period).toEqual(period);
    expect(r.area).toEqual({ id: d.district.id, name: d.district.name });
    expect(r.rows).toEqual([
      { key: 'referral', ...ZERO },
      // E2 1 + E3 2 + E9 1 = 4; 150000 + 100000 + 60000 = 310000; H1, H2.
      { key: 'entry', ...figures(4, 310_000, 2) },
      // E1 2 + E4 1 + E8 2 = 5; 120000 + 80000 + 100000 = 300000; H1, H3, H2.
      { key: 'import', ...figures(5, 300_000, 3) },
      // Emergency grants paid (libs/relief): none in this district.
      { key: 'grant', ...ZERO },
    ]);
    expect(r.total).toEqual(TOTAL);
  });

  it('per category: every category, with zeros where nothing was given', async () => {
    const r = await sut.assistance({ ...period, groupBy: 'category' }, staff);
    const row = (key: string) => r.rows.find((x) => x.key === key);
    // E1 2 + E3 2 + E8 2 + E9 1 = 7; 120000 + 100000 + 100000 + 60000 = 380000; H1, H2.
    expect(row('basic_living')).toEqual({ key: 'basic_living', ...figures(7, 380_000, 2) });
    expect(row('medical')).toEqual({ key: 'medical', ...figures(1, 150_000, 1) }); // E2
    expect(row('emergency')).toEqual({ key: 'emergency', ...figures(1, 80_000, 1) }); // E4 only
    expect(row('education')).toEqual({ key: 'education', ...ZERO }); // E6 voided
    expect(r.rows.filter((x) => x.householdTimes > 0)).toHaveLength(3);
    expect(r.total).toEqual(TOTAL);
  });

  it('per residency and per tier: the copies on the entries, not the household now', async () => {
    const residency = await sut.assistance({ ...period, groupBy: 'residency' }, staff);
    expect(residency.rows).toEqual([
      // E1 2 + E2 1 + E9 1 = 4; 120000 + 150000 + 60000 = 330000; H1.
      { key: 'local', ...figures(4, 330_000, 1) },
      // E3 2 + E8 2 + E4 1 = 5; 100000 + 100000 + 80000 = 280000; H2, H3.
      { key: 'non_local', ...figures(5, 280_000, 2) },
    ]);
    expect(residency.total).toEqual(TOTAL);

    const tier = await sut.assistance({ ...period, groupBy: 'tier' }, staff);
    expect(tier.rows).toEqual([
      { key: 'extreme_poverty', ...ZERO },
      // H1's entries say subsistence (it is low_income now): E1, E2, E9 = 4, 330000, 1.
      { key: 'subsistence', ...figures(4, 330_000, 1) },
      // E3, E8 = 4; 200000; H2.
      { key: 'low_income', ...figures(4, 200_000, 1) },
      { key: 'expenditure_poverty', ...ZERO },
      { key: 'emergency', ...ZERO },
      // E4, recorded with no tier.
      { key: '', ...figures(1, 80_000, 1) },
    ]);
    expect(tier.total).toEqual(TOTAL);
  });

  it('urban and rural from the household’s community', async () => {
    const r = await sut.assistance({ ...period, groupBy: 'urbanRural' }, staff);
    expect(r.rows).toEqual([
      // Community A: H1 (E1 2, E2 1, E9 1) and H3 (E4 1) = 5; 120000+150000+60000+80000 = 410000.
      { key: 'urban', ...figures(5, 410_000, 2) },
      // Community B: H2 (E3 2, E8 2) = 4; 200000.
      { key: 'rural', ...figures(4, 200_000, 1) },
    ]);
    expect(r.total).toEqual(TOTAL);
  });

  it('per month: the money spent each month', async () => {
    const r = await sut.monthly(period, staff);
    expect(r.rows).toEqual([
      // Sep: E1 60000 (H1) + E8 50000 (H2).
      { month: '2026-09', ...figures(2, 110_000, 2) },
      // Oct: E1 60000 + E2 150000 (H1) + E3 50000 + E8 50000 (H2).
      { month: '2026-10', ...figures(4, 310_000, 2) },
      // Nov: E3 50000 (H2) + E4 80000 (H3) + E9 60000 (H1).
      { month: '2026-11', ...figures(3, 190_000, 3) },
    ]);
    // 110000 + 310000 + 190000 = 610000.
    expect(r.total).toEqual({ month: 'total', ...figures(9, 610_000, 3) });
  });

  it('is scoped: a street sees its own, another district’s staff are refused', async () => {
    const streetA = await sut.assistance(
      { ...period, groupBy: 'source', areaId: d.streetA.id },
      staff,
    );
    // Community A only: E1 2 + E2 1 + E4 1 + E9 1 = 5; 410000; H1, H3.
    expect(streetA.total).toEqual({ key: 'total', ...figures(5, 410_000, 2) });
    const other = await ctx.factory.principal('civil_affairs', o.district);
    // District O: E7 only, Sep–Nov = 3 × 40000.
    expect((await sut.monthly(period, other)).total).toEqual({
      month: 'total',
      ...figures(3, 120_000, 1),
    });
    await expect(
      sut.assistance({ ...period, groupBy: 'source', areaId: d.district.id }, other),
    ).rejects.toMatchObject({ code: 'AREA_OUT_OF_SCOPE' });
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(
      sut.assistance({ from: '2026-11', to: '2026-09', groupBy: 'source' }, staff),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  describe('duplicates', () => {
    it('reports the same 低保 from a department’s entry and an imported roll in overlapping months', async () => {
      const r = await sut.duplicates(period, staff);
      // E8 (Sep 1 – Oct 31) and E3 (from Oct 15): the same category and title (the roll's
      // trailing full-width space ignored), overlapping Oct 15 – 31. Not E1 and E9 (Jun – Oct 31, then
      // from Nov 1: a renewal, no day in common), nor E7 (another household, district O).
      expect(r.count).toBe(1);
      expect(r.rows).toEqual([
        {
          householdId: hh.H2,
          communityName: d.communityB.name,
          categoryCode: 'basic_living',
          first: {
            entryId: ids.E8,
            source: 'import',
            grantedBy: '和平区民政局',
            title: '低保金\u3000',
            amountFen: 50_000,
            frequency: 'monthly',
            startsOn: '2026-09-01',
            endsOn: '2026-10-31',
          },
          second: {
            entryId: ids.E3,
            source: 'entry',
            grantedBy: '和平区医保局',
            title: '低保金',
            amountFen: 50_000,
            frequency: 'monthly',
            startsOn: '2026-10-15',
            endsOn: null,
          },
        },
      ]);
    });

    it('leaves out pairs that overlap only outside the period', async () => {
      // E3 and E8 overlap in October only.
      expect((await sut.duplicates({ from: '2026-11', to: '2026-11' }, staff)).count).toBe(0);
      expect((await sut.duplicates({ from: '2026-10', to: '2026-10' }, staff)).count).toBe(1);
    });

    it('pairs one-offs in the same month, by resource when both name one', async () => {
      const f = ctx.factory;
      const provider = await f.provider(m.district);
      const r1 = await f.resource(provider, m.district, { categoryCode: 'medical' });
      const r2 = await f.resource(provider, m.district, { categoryCode: 'medical' });
      const h = (await f.household({ community: m.communityA })).id;
      const importId = await finishedAssistanceImport(
        (sql, params) => ctx.dataSource.query(sql, params),
        staff.userId,
        '南开区医保局',
      );
      const one = (
        source: 'entry' | 'import',
        resourceId: string | null,
        title: string,
        on: string,
      ): NewAssistanceEntry => ({
        householdId: h,
        source,
        importId: source === 'import' ? importId : null,
        resourceId,
        grantedBy: '南开区医保局',
        categoryCode: 'medical',
        title,
        form: 'cash',
        frequency: 'one_off',
        amountFen: 10_000,
        startsOn: on,
        endsOn: on,
        areaPath: m.communityA.path,
        tier: null,
        residency: 'local',
        recordedById: null,
      });
      const [a, b] = await ctx.dataSource.transaction((tx) =>
        ctx.get(AssistanceEntriesRepository).insertMany(tx, [
          // The same resource under two titles, Oct 3 and Oct 28: a duplicate.
          one('entry', r1.id, '大病救助', '2026-10-03'),
          one('import', r1.id, '医疗救助金', '2026-10-28'),
          // The same title but another resource: not the same benefit.
          one('entry', r2.id, '大病救助', '2026-10-05'),
          // The same title, no resource, in November: another month.
          one('import', null, '大病救助', '2026-11-02'),
        ]),
      );
      const mine = await ctx.factory.principal('civil_affairs', m.district);
      const r = await sut.duplicates(period, mine);
      expect(r.rows.map((p) => [p.first.entryId, p.second.entryId])).toEqual([[a, b]]);
    });
  });

  describe('missed assistance', () => {
    /*
     * District M (today 2026-12-15, 3 months: assistance running on or after 2026-09-15 counts):
     *   M1 an open need; last one-off 2026-08-10 (four months ago)        → missed, 2026-08-10
     *   M2 an open need; a one-off 2026-11-10 (a month ago)               → not missed
     *   M3 a matched need; never assisted (a voided entry of 2026-11-01)  → missed, never
     *   M4 an open need; 低保 ended 2026-09-30 (after 09-15)              → not missed
     *   M5 an open need; 低保 ended 2026-09-10                            → missed, 2026-09-10
     *   M6 an open need; 低保 running since 2026-01-01                    → not missed
     *   M7 exited, an open need, never assisted                            → not listed
     *   M8 its only need fulfilled, never assisted                         → not listed
     *   M9 a matched need, never assisted, a referral accepted             → not listed
     */
    it('lists households with open needs and no assistance in N months, never assisted first', async () => {
      const f = ctx.factory;
      const q = (sql: string, params: unknown[] = []) => ctx.dataSource.query(sql, params);
      const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`);
      const household = async (fields: Record<string, unknown> = {}) =>
        (await f.household({ community: m.communityB, tier: 'subsistence', ...fields })).id;
      const need = async (h: string, category: string, status = 'open') => {
        const [{ id: assessment }] = await q(
          `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at, total_score)
           VALUES ($1, $2, 'completed', $3, '2026-06-01T00:00:00Z', 50) RETURNING id`,
          [h, template, staff.userId],
        );
        const [{ id }] = await q(
          `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status)
           VALUES ($1, $2, $3, 3, 'normal', 'assessment', $4) RETURNING id`,
          [h, assessment, category, status],
        );
        return { needId: id as string, assessment: assessment as string };
      };
      // A referral the provider accepted: help is on its way, the household is not missed.
      const referred = async (h: string) => {
        const { needId, assessment } = await need(h, 'care', 'matched');
        const provider = await f.provider(m.district);
        const resource = await f.resource(provider, m.district);
        const [{ id: proposal }] = await q(
          `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
           VALUES ($1, $2, $3, $4, 'approved', 0.9, 1, 'normal', 'care', '{}') RETURNING id`,
          [needId, h, resource.id, assessment],
        );
        await q(
          `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency,
                                 category_code, accept_due_at, deliver_due_at, accepted_at, snapshot)
           VALUES ($1, $2, $3, $4, $5, $6, 'accepted', 'normal', 'care', now(), now(), now(), '{}')`,
          [proposal, needId, h, resource.id, provider.id, m.communityB.path],
        );
      };
      const given = (
        h: string,
        frequency: 'one_off' | 'monthly',
        startsOn: string,
        endsOn: string | null,
      ): NewAssistanceEntry => ({
        householdId: h,
        source: 'entry',
        grantedBy: '南开区民政局',
        categoryCode: 'basic_living',
        title: '低保金',
        form: 'cash',
        frequency,
        amountFen: 50_000,
        startsOn,
        endsOn: frequency === 'one_off' ? startsOn : endsOn,
        areaPath: m.communityB.path,
        tier: 'subsistence',
        residency: 'local',
        recordedById: null,
      });
      const M1 = await household();
      const M2 = await household();
      const M3 = await household({ tier: null });
      const M4 = await household();
      const M5 = await household();
      const M6 = await household();
      const M7 = await household({ status: 'exited' });
      const M8 = await household();
      for (const h of [M1, M2, M4, M5, M6, M7]) await need(h, 'medical');
      await need(M1, 'care');
      await need(M3, 'education', 'matched');
      await need(M8, 'medical', 'fulfilled');
      await referred(await household());
      const [, , voided] = await ctx.dataSource.transaction((tx) =>
        ctx
          .get(AssistanceEntriesRepository)
          .insertMany(tx, [
            given(M1, 'one_off', '2026-08-10', null),
            given(M2, 'one_off', '2026-11-10', null),
            given(M3, 'one_off', '2026-11-01', null),
            given(M4, 'monthly', '2026-03-01', '2026-09-30'),
            given(M5, 'monthly', '2026-03-01', '2026-09-10'),
            given(M6, 'monthly', '2026-01-01', null),
          ]),
      );
      await q(`UPDATE assistance_entry SET status = 'voided' WHERE id = $1`, [voided]);

      const mine = await f.principal('civil_affairs', m.district);
      const r = await sut.missed({ months: 3 }, mine);
      expect(r.since).toBe('2026-09-15');
      expect(r.count).toBe(3);
      const row = (
        householdId: string,
        lastAssistedOn: string | null,
        needs: string[],
        tier: string | null,
      ) => ({
        householdId,
        communityId: m.communityB.id,
        communityName: m.communityB.name,
        tier,
        needCategories: needs,
        lastAssistedOn,
      });
      expect(r.rows).toEqual([
        row(M3, null, ['education'], null),
        row(M1, '2026-08-10', ['care', 'medical'], 'subsistence'),
        row(M5, '2026-09-10', ['medical'], 'subsistence'),
      ]);
      // Six months back (2026-06-15): M1 and M5 were assisted since; M4's need was too.
      const six = await sut.missed({ months: 6 }, mine);
      expect(six.rows.map((x) => x.householdId)).toEqual([M3]);
      // District D's households have no needs; none are listed there.
      expect((await sut.missed({ months: 3 }, staff)).count).toBe(0);
    });
  });
});
