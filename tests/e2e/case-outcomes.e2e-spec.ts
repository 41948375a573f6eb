import ExcelJS from 'exceljs';
import { startApi, type TestContext } from './support/test-app';

describe('Case outcomes (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let adviser: string;
  let staff: string;

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    adviser = await ctx.tokenFor('assessor', d.streetA);
    staff = await ctx.tokenFor('civil_affairs', d.district);
  });
  afterAll(() => ctx.close());

  const get = (url: string, token: string) => ctx.http.get(url).set('Authorization', token);

  /** A household registered by the adviser, and its case (opened at registration). */
  const registered = async () => {
    const household = await ctx.http
      .post('/api/households')
      .set('Authorization', adviser)
      .send(ctx.householdBody(d.communityA))
      .expect(201);
    return (await get(`/api/households/${household.body.id}/case`, adviser).expect(200)).body as {
      id: string;
      householdId: string;
      version: number;
    };
  };

  it("answers a case's outcomes to those in scope only", async () => {
    const opened = await registered();
    // No reassessment yet: no outcome.
    const res = await get(`/api/cases/${opened.id}/outcomes`, adviser).expect(200);
    expect(res.body).toEqual({ caseId: opened.id, householdId: opened.householdId, outcomes: [] });
    await get(`/api/cases/${opened.id}/outcomes`, staff).expect(200);
    const elsewhere = await ctx.tokenFor('assessor', (await ctx.newDistrict()).streetA);
    expect((await get(`/api/cases/${opened.id}/outcomes`, elsewhere).expect(404)).body.code).toBe(
      'CASE_NOT_FOUND',
    );
    const provider = (await ctx.newProviderWithUser(d.streetA)).token;
    await get(`/api/cases/${opened.id}/outcomes`, provider).expect(403);
    await get('/api/cases/not-a-uuid/outcomes', adviser).expect(400);
  });

  it('counts a case closed as exited as a household that left, in its community', async () => {
    const report = async () =>
      (
        await get(
          `/api/reports/case-outcomes?groupBy=community&areaId=${d.streetA.id}`,
          staff,
        ).expect(200)
      ).body as {
        groupBy: string;
        rows: Array<{ key: string; caseload: number; left: number }>;
        total: { caseload: number; left: number };
      };
    const before = await report();
    expect(before.groupBy).toBe('community');
    expect(before.rows.map((r) => r.key)).toEqual([d.communityA.id]);
    const opened = await registered();
    await ctx.http
      .post(`/api/cases/${opened.id}/close`)
      .set('Authorization', adviser)
      .send({ reason: 'exited', version: opened.version })
      .expect(200);
    const after = await report();
    expect(after.total.left).toBe(before.total.left + 1);
    expect(after.rows[0].left).toBe(before.rows[0].left + 1);
  });

  it('refuses a bad grouping or period (400), other roles (403) and areas out of scope (403)', async () => {
    const bad = await get('/api/reports/case-outcomes?groupBy=household', staff).expect(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'groupBy' })]),
    );
    await get('/api/reports/case-outcomes?from=2026-12-31&to=2026-01-01', staff).expect(400);
    await get('/api/reports/case-outcomes', adviser).expect(403);
    const street = await ctx.tokenFor('civil_affairs', d.streetB);
    const out = await get(`/api/reports/case-outcomes?areaId=${d.streetA.id}`, street).expect(403);
    expect(out.body.code).toBe('AREA_OUT_OF_SCOPE');
  });

  it('downloads the report as a workbook with Chinese headers and the total row last', async () => {
    const json = (
      await get(`/api/reports/case-outcomes?groupBy=street&areaId=${d.district.id}`, staff).expect(
        200,
      )
    ).body as { rows: Array<{ name: string; caseload: number }>; total: { caseload: number } };
    const xlsx = await get(
      `/api/reports/case-outcomes?groupBy=street&areaId=${d.district.id}&format=xlsx`,
      staff,
    )
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="case-outcomes.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '编号',
      '名称',
      '在管个案数',
      '应走访次数',
      '按时走访次数',
      '按时走访率',
      '已确认计划个案数',
      '计划确认率',
      '计划目标数',
      '已达成目标数',
      '目标达成率',
      '复评次数',
      '评分改善次数',
      '评分改善率',
      '总分平均变化',
      '层级改善次数',
      '层级改善率',
      '已满足需求数',
      '本期退出救助家庭数',
      '前12个月退出家庭数',
      '12个月内返贫家庭数',
      '返贫率',
    ]);
    const names = Array.from(
      { length: sheet.rowCount - 1 },
      (_, i) => sheet.getRow(i + 2).getCell(2).value,
    );
    expect(names).toEqual([...json.rows.map((r) => r.name), '合计']);
    expect(sheet.getRow(sheet.rowCount).getCell(3).value).toBe(json.total.caseload);
  });
});
