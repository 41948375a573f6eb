import { reliefFund } from '../factories/relief-grant';
import { startApi, type TestContext } from './support/test-app';

/**
 * Emergency grants over HTTP: the 4xx shapes of each endpoint, and the happy path from a
 * request to the payment, which shows in the household's assistance history.
 */
describe('Emergency grants (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const tokens: Record<string, string> = {};
  let householdId: string;
  let fundId: string;

  const as = (who: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', tokens[who]),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', tokens[who]).send(body),
    put: (url: string, body: object) =>
      ctx.http.put(url).set('Authorization', tokens[who]).send(body),
  });
  const sql = (text: string, params: unknown[]) => ctx.dataSource.query(text, params);
  const request = (over: Record<string, unknown> = {}) => ({
    householdId,
    fundId,
    amountFen: 80_000,
    reason: '家中突发火灾，急需生活救助',
    ...over,
  });

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    tokens.community = await ctx.tokenFor('civil_affairs', d.communityA);
    tokens.district = await ctx.tokenFor('civil_affairs', d.district);
    tokens.streetA = await ctx.tokenFor('civil_affairs', d.streetA);
    tokens.streetB = await ctx.tokenFor('civil_affairs', d.streetB);
    tokens.assessor = await ctx.tokenFor('assessor', d.communityA);
    tokens.provider = (await ctx.newProviderWithUser(d.streetA)).token;
    householdId = (await ctx.factory.household({ community: d.communityA, tier: 'subsistence' }))
      .id;
    fundId = await reliefFund(sql, { area: d.district, balanceFen: 1_000_000 });
  });
  afterAll(() => ctx.close());

  it('refuses bad input with the one error body, per field, in Chinese', async () => {
    const refused = async (over: Record<string, unknown>) => {
      const res = await as('assessor').post('/api/emergency-grants', request(over)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      return res.body.details as Array<{ field: string; constraint: string }>;
    };
    expect(await refused({ amountFen: 0 })).toEqual([
      expect.objectContaining({ field: 'amountFen', constraint: 'min' }),
    ]);
    expect(await refused({ amountFen: 12.5 })).toEqual([
      expect.objectContaining({ field: 'amountFen', constraint: 'isInt' }),
    ]);
    expect(await refused({ householdId: 'nope' })).toEqual([
      expect.objectContaining({ field: 'householdId', constraint: 'isUuid' }),
    ]);
    expect(await refused({ reason: undefined })).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    expect(await refused({ needId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      expect.objectContaining({
        field: 'needId',
        constraint: 'unknownNeed',
        message: '该需求不属于这个家庭',
      }),
    ]);
    expect(await refused({ leadId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      expect.objectContaining({
        field: 'leadId',
        constraint: 'unknownLead',
        message: '未找到该线索',
      }),
    ]);
    expect(await refused({ extra: 1 })).toEqual([
      expect.objectContaining({ field: 'extra', constraint: 'whitelistValidation' }),
    ]);
    await as('streetA').get('/api/emergency-grants/not-a-uuid').expect(400);
    await as('streetA').get('/api/emergency-grants?status=lost').expect(400);
    await as('streetA').put(`/api/relief-grant-limits/${d.communityA.id}`, {}).expect(400);
  });

  it('answers 403 to roles that do not request or decide, 404 outside scope', async () => {
    await as('provider').post('/api/emergency-grants', request()).expect(403);
    await as('provider').get('/api/emergency-grants').expect(403);
    const outside = await as('streetB').post('/api/emergency-grants', request()).expect(404);
    expect(outside.body).toMatchObject({ statusCode: 404, code: 'HOUSEHOLD_NOT_FOUND' });
    const otherFund = await reliefFund(sql, { area: d.streetB, balanceFen: 1_000 });
    const notHis = await as('assessor')
      .post('/api/emergency-grants', request({ fundId: otherFund }))
      .expect(404);
    expect(notHis.body.code).toBe('RELIEF_FUND_NOT_FOUND');
    const missing = await as('streetA')
      .get('/api/emergency-grants/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(missing.body).toMatchObject({
      code: 'GRANT_NOT_FOUND',
      message: '未找到该临时救助申请',
    });
  });

  it('lists the funds that may pay for a household: its area’s and above, active only', async () => {
    const closed = await reliefFund(sql, { area: d.streetA, balanceFen: 1, status: 'closed' });
    const res = await as('assessor')
      .get(`/api/emergency-grants/funds?householdId=${householdId}`)
      .expect(200);
    const ids = res.body.map((f: { id: string }) => f.id);
    expect(ids).toContain(fundId);
    expect(ids).not.toContain(closed);
    expect(res.body.find((f: { id: string }) => f.id === fundId)).toMatchObject({
      balanceFen: 1_000_000,
    });
    await as('streetB').get(`/api/emergency-grants/funds?householdId=${householdId}`).expect(404);
    await as('assessor').get('/api/emergency-grants/funds').expect(400);
  });

  it('refuses above the approver’s limit naming it in yuan; the street approves, pays, and the ledger shows it', async () => {
    const created = await as('assessor')
      .post('/api/emergency-grants', request({ amountFen: 150_000 }))
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'requested', amountFen: 150_000, overdue: false });

    const queue = await as('community').get('/api/emergency-grants?status=requested').expect(200);
    expect(queue.body.items.map((g: { id: string }) => g.id)).toContain(id);
    const view = await as('community').get(`/api/emergency-grants/${id}`).expect(200);
    expect(view.body).toMatchObject({
      fundId,
      fundBalanceFen: 1_000_000,
      approverLimitFen: 100_000,
      canApprove: false,
    });
    await as('assessor').post(`/api/emergency-grants/${id}/approve`, {}).expect(403);
    const above = await as('community').post(`/api/emergency-grants/${id}/approve`, {}).expect(403);
    expect(above.body).toMatchObject({
      statusCode: 403,
      code: 'GRANT_ABOVE_LIMIT',
      message: '金额超出您的审批额度（¥1,000.00），请报上一级审批',
    });
    await as('streetB').post(`/api/emergency-grants/${id}/approve`, {}).expect(404);
    await as('streetA')
      .post(`/api/emergency-grants/${id}/pay`, { paymentNote: '现金' })
      .expect(409);

    const approved = await as('streetA')
      .post(`/api/emergency-grants/${id}/approve`, { amountFen: 120_000, note: '核定金额' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      amountFen: 120_000,
      fundBalanceFen: 880_000,
    });
    const twice = await as('streetA').post(`/api/emergency-grants/${id}/approve`, {}).expect(409);
    expect(twice.body).toMatchObject({ code: 'GRANT_STATE_CONFLICT' });
    await as('streetA').post(`/api/emergency-grants/${id}/pay`, {}).expect(400);

    const paid = await as('streetA')
      .post(`/api/emergency-grants/${id}/pay`, { paymentNote: '银行转账 尾号1234' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', paymentNote: '银行转账 尾号1234' });
    const history = await as('streetA')
      .get(`/api/households/${householdId}/assistance`)
      .expect(200);
    expect(history.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entryId: paid.body.entryId,
          source: 'grant',
          state: 'active',
          categoryCode: 'emergency',
          title: '临时救助',
          amountFen: 120_000,
        }),
      ]),
    );
  });

  it('a second grant within 12 months is refused by the stacking rules; an insufficient fund answers 409 and writes nothing', async () => {
    const again = await as('assessor')
      .post('/api/emergency-grants', request({ amountFen: 10_000 }))
      .expect(201);
    const stacking = await as('streetA')
      .post(`/api/emergency-grants/${again.body.id}/approve`, {})
      .expect(409);
    expect(stacking.body.code).toBe('STACKING_CONFLICT');
    const rejected = await as('streetA')
      .post(`/api/emergency-grants/${again.body.id}/reject`, { reason: '12个月内已获临时救助' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    await as('streetA')
      .post(`/api/emergency-grants/${again.body.id}/reject`, { reason: '重复' })
      .expect(409);

    const other = (await ctx.factory.household({ community: d.communityA })).id;
    const small = await reliefFund(sql, { area: d.streetA, balanceFen: 5_000 });
    const g = await as('assessor')
      .post(
        '/api/emergency-grants',
        request({ householdId: other, fundId: small, amountFen: 6_000 }),
      )
      .expect(201);
    const short = await as('streetA')
      .post(`/api/emergency-grants/${g.body.id}/approve`, {})
      .expect(409);
    expect(short.body).toMatchObject({
      code: 'FUND_INSUFFICIENT',
      message: '资金余额不足（余额 ¥50.00），未予支出',
    });
    const after = await as('streetA').get(`/api/emergency-grants/${g.body.id}`).expect(200);
    expect(after.body).toMatchObject({ status: 'requested', fundBalanceFen: 5_000 });
  });

  it('cancels an approved grant with a reason: 400 without one, 409 unless approved, the fund credited back', async () => {
    const family = (await ctx.factory.household({ community: d.communityA })).id;
    const own = await reliefFund(sql, { area: d.streetA, balanceFen: 100_000 });
    const g = await as('assessor')
      .post(
        '/api/emergency-grants',
        request({ householdId: family, fundId: own, amountFen: 30_000 }),
      )
      .expect(201);
    const id = g.body.id as string;
    const early = await as('streetA')
      .post(`/api/emergency-grants/${id}/cancel`, { reason: '误批' })
      .expect(409);
    expect(early.body).toMatchObject({ statusCode: 409, code: 'GRANT_STATE_CONFLICT' });
    await as('streetA').post(`/api/emergency-grants/${id}/approve`, {}).expect(200);

    const noReason = await as('streetA').post(`/api/emergency-grants/${id}/cancel`, {}).expect(400);
    expect(noReason.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(noReason.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    await as('streetA')
      .post('/api/emergency-grants/not-a-uuid/cancel', { reason: '误批' })
      .expect(400);
    await as('assessor').post(`/api/emergency-grants/${id}/cancel`, { reason: '误批' }).expect(403);
    const outside = await as('streetB')
      .post(`/api/emergency-grants/${id}/cancel`, { reason: '误批' })
      .expect(404);
    expect(outside.body.code).toBe('GRANT_NOT_FOUND');

    const cancelled = await as('streetA')
      .post(`/api/emergency-grants/${id}/cancel`, { reason: '多次联系家属未果' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'rejected',
      decisionNote: '撤销批准：多次联系家属未果',
      fundBalanceFen: 100_000,
    });
    await as('streetA').post(`/api/emergency-grants/${id}/cancel`, { reason: '误批' }).expect(409);
    await as('streetA')
      .post(`/api/emergency-grants/${id}/pay`, { paymentNote: '现金' })
      .expect(409);

    // A paid grant is in the ledger: not cancelled here.
    const paid = await as('assessor')
      .post(
        '/api/emergency-grants',
        request({ householdId: family, fundId: own, amountFen: 20_000 }),
      )
      .expect(201);
    await as('streetA').post(`/api/emergency-grants/${paid.body.id}/approve`, {}).expect(200);
    await as('streetA')
      .post(`/api/emergency-grants/${paid.body.id}/pay`, { paymentNote: '现金' })
      .expect(200);
    const late = await as('streetA')
      .post(`/api/emergency-grants/${paid.body.id}/cancel`, { reason: '误批' })
      .expect(409);
    expect(late.body.code).toBe('GRANT_STATE_CONFLICT');
    const statement = await as('streetA')
      .get(`/api/relief-funds/${own}/movements?page=1&limit=10`)
      .expect(200);
    expect(
      statement.body.items.map((m: { kind: string; amountFen: number }) => [m.kind, m.amountFen]),
    ).toEqual(
      expect.arrayContaining([
        ['grant', -30_000],
        ['adjustment', 30_000],
        ['grant', -20_000],
      ]),
    );
  });

  it('lists the limits in scope and lets staff above set one', async () => {
    const own = await as('community')
      .put(`/api/relief-grant-limits/${d.communityA.id}`, { maxFen: 1 })
      .expect(403);
    expect(own.body.code).toBe('GRANT_LIMIT_FORBIDDEN');
    await as('streetB')
      .put(`/api/relief-grant-limits/${d.communityA.id}`, { maxFen: 1 })
      .expect(404);
    const set = await as('streetA')
      .put(`/api/relief-grant-limits/${d.communityA.id}`, { maxFen: 200_000 })
      .expect(200);
    expect(set.body).toMatchObject({ areaId: d.communityA.id, maxFen: 200_000, isDefault: false });
    const list = await as('streetA').get('/api/relief-grant-limits').expect(200);
    expect(list.body).toMatchObject({ total: 2 });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        areaId: d.streetA.id,
        maxFen: 500_000,
        isDefault: true,
        canEdit: false,
      }),
      expect.objectContaining({
        areaId: d.communityA.id,
        maxFen: 200_000,
        isDefault: false,
        canEdit: true,
      }),
    ]);
    // A street (¥5,000) delegates at most its own limit; the district (unlimited) may lift it.
    const tooMuch = await as('streetA')
      .put(`/api/relief-grant-limits/${d.communityA.id}`, { maxFen: null })
      .expect(400);
    expect(tooMuch.body.details).toEqual([
      expect.objectContaining({
        field: 'maxFen',
        constraint: 'grantLimitAboveOwn',
        message: '下放的审批额度不能高于您自己的额度（¥5,000.00）',
      }),
    ]);
    const unlimited = await as('district')
      .put(`/api/relief-grant-limits/${d.communityA.id}`, { maxFen: null })
      .expect(200);
    expect(unlimited.body).toMatchObject({ maxFen: null, isDefault: false });
  });
});
