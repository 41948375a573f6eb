import ExcelJS from 'exceljs';
import type { AreaEntity } from '@onedoor/areas';
import { finishedAssistanceImport } from '../factories/assistance-import';
import { startApi, type TestContext } from './support/test-app';

/**
 * The ledger reports over HTTP: the workbooks (Chinese headers, yuan, labels), the scope and the
 * error shape. The figures themselves are counted by hand in
 * libs/reporting/test/assistance-reports.service-spec.ts.
 */
describe('Assistance ledger reports (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staff: string;
  let household: string;
  const months = 'from=2026-09&to=2026-11';

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    staff = await ctx.tokenFor('civil_affairs', d.district);
    const h = await ctx.factory.household({ community: d.communityA, tier: 'subsistence' });
    household = h.id;
    const importer = await ctx.factory.user('civil_affairs', d.district);
    const importId = await finishedAssistanceImport(
      (sql, params) => ctx.dataSource.query(sql, params),
      importer.id,
    );
    const entry = (
      source: 'entry' | 'import',
      grantedBy: string,
      title: string,
      frequency: 'one_off' | 'monthly',
      amountFen: number,
      startsOn: string,
      endsOn: string | null,
      area: AreaEntity = d.communityA,
    ) =>
      ctx.dataSource.query(
        `INSERT INTO assistance_entry (household_id, source, import_id, granted_by, category_code, title, form,
                frequency, amount_fen, starts_on, ends_on, area_path, tier, residency, version)
         VALUES ($1, $2, $3, $4, 'basic_living', $5, 'cash', $6, $7, $8, $9, $10, 'subsistence', 'local', 1)`,
        [
          household,
          source,
          source === 'import' ? importId : null,
          grantedBy,
          title,
          frequency,
          amountFen,
          startsOn,
          endsOn,
          area.path,
        ],
      );
    // 低保 from the civil affairs bureau's roll, Sep – Oct at 612.50 a month, and the same 低保
    // recorded by the street from Oct 1 (running): a duplicate in October.
    await entry('import', '和平区民政局', '低保金', 'monthly', 61_250, '2026-09-01', '2026-10-31');
    await entry('entry', '和平区某街道', '低保金', 'monthly', 61_250, '2026-10-01', null);
    // A one-off of 300.00 in November.
    await entry(
      'entry',
      '和平区慈善会',
      '慈善助困金',
      'one_off',
      30_000,
      '2026-11-20',
      '2026-11-20',
    );
    // An open need: the household would be missed had it not been assisted.
    const [{ id: template }] = await ctx.dataSource.query(
      `SELECT id FROM assessment_template LIMIT 1`,
    );
    const never = await ctx.factory.household({ community: d.communityB, tier: 'low_income' });
    const user = await ctx.factory.user('assessor', d.district);
    const [{ id: assessment }] = await ctx.dataSource.query(
      `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at, total_score)
       VALUES ($1, $2, 'completed', $3, now(), 50) RETURNING id`,
      [never.id, template, user.id],
    );
    await ctx.dataSource.query(
      `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status)
       VALUES ($1, $2, 'medical', 3, 'normal', 'assessment', 'open')`,
      [never.id, assessment],
    );
  });
  afterAll(() => ctx.close());

  const get = (url: string, token = staff) => ctx.http.get(url).set('Authorization', token);

  const workbook = async (url: string) => {
    const res = await get(url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows = Array.from(
      { length: sheet.rowCount },
      (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1) as unknown[],
    );
    return { res, rows };
  };

  it('answers the bulletin per source as JSON (fen) and as a workbook (yuan, labels)', async () => {
    const json = await get(`/api/reports/assistance?${months}&groupBy=source`).expect(200);
    // Roll: Sep, Oct = 2 × 61250 = 122500; entries: Oct, Nov (running) 2 × 61250 + 30000 = 152500.
    expect(json.body.rows).toEqual([
      { key: 'referral', householdTimes: 0, amountFen: 0, households: 0 },
      { key: 'entry', householdTimes: 3, amountFen: 152_500, households: 1 },
      { key: 'import', householdTimes: 2, amountFen: 122_500, households: 1 },
      { key: 'grant', householdTimes: 0, amountFen: 0, households: 0 },
    ]);
    const { res, rows } = await workbook(
      `/api/reports/assistance?${months}&groupBy=source&format=xlsx`,
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="assistance.xlsx"');
    expect(rows).toEqual([
      ['来源', '户次', '金额(元)', '户数'],
      ['平台转介', 0, 0, 0],
      ['部门登记', 3, 1525, 1],
      ['名册导入', 2, 1225, 1],
      ['临时救助金', 0, 0, 0],
      // 1525 + 1225 = 2750 yuan.
      ['合计', 5, 2750, 1],
    ]);
    const monthly = await workbook(`/api/reports/assistance/monthly?${months}&format=xlsx`);
    expect(monthly.rows).toEqual([
      ['月份', '户次', '金额(元)', '户数'],
      ['2026-09', 1, 612.5, 1],
      ['2026-10', 2, 1225, 1],
      ['2026-11', 2, 912.5, 1],
      ['合计', 5, 2750, 1],
    ]);
  });

  it('downloads the duplicates with both sources, and the missed households', async () => {
    const { rows } = await workbook(`/api/reports/assistance-duplicates?${months}&format=xlsx`);
    expect(rows[0]).toEqual([
      '家庭编号',
      '社区',
      '类别',
      '记录一来源',
      '记录一发放机构',
      '记录一救助名称',
      '记录一发放方式',
      '记录一金额(元)',
      '记录一起始日期',
      '记录一截止日期',
      '记录二来源',
      '记录二发放机构',
      '记录二救助名称',
      '记录二发放方式',
      '记录二金额(元)',
      '记录二起始日期',
      '记录二截止日期',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        household,
        d.communityA.name,
        '基本生活',
        '名册导入',
        '和平区民政局',
        '低保金',
        '按月',
        612.5,
        '2026-09-01',
        '2026-10-31',
        '部门登记',
        '和平区某街道',
        '低保金',
        '按月',
        612.5,
        '2026-10-01',
        // Still running: no end date.
        '',
      ],
    ]);

    const missed = await get('/api/reports/missed-assistance?months=3').expect(200);
    expect(missed.body.count).toBe(1);
    expect(missed.body.rows[0]).toMatchObject({
      communityName: d.communityB.name,
      needCategories: ['medical'],
      lastAssistedOn: null,
    });
    const book = await workbook('/api/reports/missed-assistance?months=3&format=xlsx');
    expect(book.rows).toEqual([
      ['家庭编号', '社区', '救助层级', '未满足需求类别', '最近救助日期'],
      [missed.body.rows[0].householdId, d.communityB.name, '低收入', '医疗救助', '从未'],
    ]);
  });

  it('keeps to the caller’s area: refused out of scope, empty elsewhere, providers refused', async () => {
    const street = await ctx.tokenFor('civil_affairs', d.streetB);
    const out = await get(`/api/reports/assistance?areaId=${d.district.id}`, street).expect(403);
    expect(out.body.code).toBe('AREA_OUT_OF_SCOPE');
    await get(`/api/reports/assistance-duplicates?areaId=${d.streetA.id}`, street).expect(403);
    await get(`/api/reports/missed-assistance?areaId=${d.streetA.id}`, street).expect(403);
    // Street B holds the missed household but none of the ledger's entries.
    const own = await get(`/api/reports/assistance?${months}`, street).expect(200);
    expect(own.body.total).toMatchObject({ householdTimes: 0, amountFen: 0, households: 0 });
    const other = await ctx.tokenFor('civil_affairs', (await ctx.newDistrict()).district);
    expect(
      (await get(`/api/reports/assistance-duplicates?${months}`, other).expect(200)).body,
    ).toMatchObject({ count: 0, rows: [] });
    const provider = (await ctx.newProviderWithUser(d.streetA)).token;
    await get('/api/reports/assistance', provider).expect(403);
  });

  it('refuses a bad month, grouping or span with a 400 in the error shape', async () => {
    const bad = await get('/api/reports/assistance?from=2026-13').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.body.details[0]).toMatchObject({ field: 'from' });
    expect(typeof bad.body.message).toBe('string');
    const backwards = await get('/api/reports/assistance-duplicates?from=2026-11&to=2026-09');
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0]).toMatchObject({ field: 'from', constraint: 'notAfter' });
    const group = await get('/api/reports/assistance?groupBy=street').expect(400);
    expect(group.body.details[0]).toMatchObject({ field: 'groupBy' });
    const zero = await get('/api/reports/missed-assistance?months=0').expect(400);
    expect(zero.body.details[0]).toMatchObject({ field: 'months' });
  });
});
