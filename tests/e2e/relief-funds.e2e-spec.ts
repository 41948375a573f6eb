import { startApi, type TestContext } from './support/test-app';

/**
 * Relief funds, donations and statements over HTTP: the one error body for bad input, scope
 * answered as 404 whether or not the fund exists elsewhere, roles refused with 403, a pledge
 * received into the balance, and the statement as JSON and as an Excel workbook.
 */
describe('Relief funds (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const tokens: Record<string, string> = {};
  let districtFund: { id: string; version: number };
  let fundB: { id: string };
  let donationFund: { id: string };

  const as = (who: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', tokens[who]),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', tokens[who]).send(body),
    patch: (url: string, body: object) =>
      ctx.http.patch(url).set('Authorization', tokens[who]).send(body),
  });

  const fundBody = (over: Record<string, unknown> = {}) => ({
    kind: 'reserve',
    name: '和平区临时救助备用金（2026年度）',
    areaId: d.district.id,
    managingOffice: '和平区民政局社会救助科',
    budgetFen: 50_000_000,
    thresholdFen: 5_000_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    ...over,
  });

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    tokens.district = await ctx.tokenFor('civil_affairs', d.district);
    tokens.staffA = await ctx.tokenFor('civil_affairs', d.streetA);
    tokens.staffB = await ctx.tokenFor('civil_affairs', d.streetB);
    tokens.assessorA = await ctx.tokenFor('assessor', d.communityA);
    tokens.evaluator = await ctx.tokenFor('evaluator', d.district);
    const org = await ctx.newProviderWithUser(d.streetA);
    tokens.provider = org.token;
    districtFund = (await as('district').post('/api/relief-funds', fundBody()).expect(201)).body;
    fundB = (
      await as('staffB')
        .post('/api/relief-funds', fundBody({ areaId: d.streetB.id, name: '街道B备用金' }))
        .expect(201)
    ).body;
    donationFund = (
      await as('staffA')
        .post(
          '/api/relief-funds',
          fundBody({
            kind: 'donation',
            areaId: d.streetA.id,
            name: '慈善专项基金',
            budgetFen: 2_000_000,
          }),
        )
        .expect(201)
    ).body;
  });
  afterAll(() => ctx.close());

  it('refuses bad input with the one error body, per field, in Chinese', async () => {
    const res = await as('district')
      .post('/api/relief-funds', fundBody({ budgetFen: -1, periodStart: '2026-02-30', kind: 'x' }))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const fields = (res.body.details as Array<{ field: string }>).map((x) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['budgetFen', 'periodStart', 'kind']));
    const period = await as('district')
      .post('/api/relief-funds', fundBody({ periodEnd: '2025-12-31' }))
      .expect(400);
    expect(period.body.details).toEqual([
      expect.objectContaining({
        field: 'periodEnd',
        constraint: 'fundPeriod',
        message: '结束日期不能早于开始日期',
      }),
    ]);
    const amount = await as('district')
      .post(`/api/relief-funds/${districtFund.id}/allocations`, { amountFen: 0 })
      .expect(400);
    expect(amount.body.details).toEqual([
      expect.objectContaining({ field: 'amountFen', constraint: 'min' }),
    ]);
    const statement = await as('district')
      .get(`/api/relief-funds/${districtFund.id}/statement?from=2026-03-01&to=2026-02-01`)
      .expect(400);
    expect(statement.body.details).toEqual([
      expect.objectContaining({ field: 'to', constraint: 'statementPeriod' }),
    ]);
    await as('district')
      .get(`/api/relief-funds/${districtFund.id}/statement?from=2026-03-01`)
      .expect(400);
    await as('district').get('/api/relief-funds/not-a-uuid').expect(400);
  });

  it('answers 404 alike for a fund outside the caller’s sight and for a missing one, and 403 to roles without funds', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/api/relief-funds/${fundB.id}`,
      `/api/relief-funds/${missing}`,
      `/api/relief-funds/${fundB.id}/movements`,
      `/api/relief-funds/${fundB.id}/donations`,
      `/api/relief-funds/${fundB.id}/statement?from=2026-01-01&to=2026-01-31`,
    ]) {
      const res = await as('staffA').get(url).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'RELIEF_FUND_NOT_FOUND' });
    }
    await as('staffA')
      .post(`/api/relief-funds/${fundB.id}/allocations`, { amountFen: 100 })
      .expect(404);
    // A street's staff see the district's fund (it pays their families) but do not manage it.
    const seen = await as('staffA').get(`/api/relief-funds/${districtFund.id}`).expect(200);
    expect(seen.body).toMatchObject({ canManage: false, balanceFen: 50_000_000 });
    const forbidden = await as('staffA')
      .post(`/api/relief-funds/${districtFund.id}/allocations`, { amountFen: 100 })
      .expect(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const list = await as('staffA').get('/api/relief-funds?limit=100').expect(200);
    const ids = (list.body.items as Array<{ id: string }>).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([districtFund.id, donationFund.id]));
    expect(ids).not.toContain(fundB.id);
    // Assessors read; providers and evaluators have nothing here.
    await as('assessorA').get(`/api/relief-funds/${districtFund.id}`).expect(200);
    await as('assessorA')
      .post(`/api/relief-funds/${districtFund.id}/allocations`, { amountFen: 100 })
      .expect(403);
    await as('provider').get('/api/relief-funds').expect(403);
    await as('evaluator').get(`/api/relief-funds/${districtFund.id}`).expect(403);
    // Staff of street A cannot create a fund for street B.
    const other = await as('staffA')
      .post('/api/relief-funds', fundBody({ areaId: d.streetB.id }))
      .expect(400);
    expect(other.body.details).toEqual([
      expect.objectContaining({ field: 'areaId', constraint: 'fundArea' }),
    ]);
  });

  it('pledges, receives once into the balance, refuses a second receipt with 409, and shows the movements', async () => {
    const pledge = await as('staffA')
      .post(`/api/relief-funds/${donationFund.id}/donations`, {
        donorKind: 'enterprise',
        donorName: '和平区爱心企业',
        donorPhone: '13812345678',
        amountFen: 300_000,
      })
      .expect(201);
    expect(pledge.body).toMatchObject({ status: 'pledged', donorPhone: '138****5678' });
    await as('staffB').post(`/api/donations/${pledge.body.id}/receive`, {}).expect(404);
    const received = await as('staffA')
      .post(`/api/donations/${pledge.body.id}/receive`, { receiptNumber: 'JZ-2026-0001' })
      .expect(200);
    expect(received.body).toMatchObject({ status: 'received', receiptNumber: 'JZ-2026-0001' });
    const again = await as('staffA')
      .post(`/api/donations/${pledge.body.id}/receive`, {})
      .expect(409);
    expect(again.body).toMatchObject({
      code: 'DONATION_NOT_PLEDGED',
      message: '该捐赠已到账或已取消，不能重复操作',
    });
    const fund = await as('staffA').get(`/api/relief-funds/${donationFund.id}`).expect(200);
    expect(fund.body.balanceFen).toBe(2_300_000);
    const movements = await as('assessorA')
      .get(`/api/relief-funds/${donationFund.id}/movements`)
      .expect(200);
    expect(
      (movements.body.items as Array<{ kind: string; amountFen: number }>).map((m) => [
        m.kind,
        m.amountFen,
      ]),
    ).toEqual([
      ['donation', 300_000],
      ['opening', 2_000_000],
    ]);
    const reserve = await as('district')
      .post(`/api/relief-funds/${districtFund.id}/donations`, {
        donorKind: 'individual',
        donorName: '张三',
        amountFen: 100,
      })
      .expect(409);
    expect(reserve.body.code).toBe('RELIEF_FUND_NOT_DONATION_FUND');
    const cancel = await as('staffA')
      .post(`/api/donations/${pledge.body.id}/cancel`, {})
      .expect(400);
    expect(cancel.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reason', constraint: 'isString' }),
      ]),
    );
  });

  it('edits with the version read (409 when stale) and answers the statement as JSON and as a workbook', async () => {
    const edited = await as('district')
      .patch(`/api/relief-funds/${districtFund.id}`, {
        version: districtFund.version,
        thresholdFen: 6_000_000,
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      thresholdFen: 6_000_000,
      version: districtFund.version + 1,
    });
    const stale = await as('district')
      .patch(`/api/relief-funds/${districtFund.id}`, { version: districtFund.version, name: 'x' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    await as('district')
      .post(`/api/relief-funds/${districtFund.id}/allocations`, {
        amountFen: 1_000_000,
        note: '追加拨款',
      })
      .expect(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const json = await as('district')
      .get(`/api/relief-funds/${districtFund.id}/statement?from=${today}&to=${today}`)
      .expect(200);
    expect(json.body).toMatchObject({
      openingBalanceFen: 0,
      budgetFen: 50_000_000,
      allocationsFen: 1_000_000,
      closingBalanceFen: 51_000_000,
    });
    const xlsx = await as('district')
      .get(`/api/relief-funds/${districtFund.id}/statement?from=${today}&to=${today}&format=xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['期末余额(元)', 510_000],
        expect.arrayContaining(['时间（北京时间）', '类型', '收入(元)']),
      ]),
    );
  });
});
