import { randomUUID } from 'node:crypto';
import { newIdNumber, startApi, TestContext } from './support/test-app';

/** Errors answer in zh-CN unless the request asks for English (Accept-Language or ?lang=en). */
describe('Localized errors (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessor: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    assessor = await ctx.tokenFor('assessor', tree.streetA);
  });
  afterAll(() => ctx.close());

  const missingHousehold = () =>
    ctx.http.get(`/api/households/${randomUUID()}`).set('Authorization', assessor);

  it('answers a 404 in Chinese by default, and says so in Content-Language', async () => {
    const res = await missingHousehold().expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'HOUSEHOLD_NOT_FOUND',
      message: '未找到该家庭',
    });
    expect(res.headers['content-language']).toBe('zh-CN');
  });

  it("answers the thrower's English when Accept-Language or ?lang asks for it", async () => {
    const byHeader = await missingHousehold().set('Accept-Language', 'en-US,en;q=0.9').expect(404);
    expect(byHeader.body).toMatchObject({
      code: 'HOUSEHOLD_NOT_FOUND',
      message: 'Household not found',
    });
    expect(byHeader.headers['content-language']).toBe('en');
    const byQuery = await ctx.http
      .get(`/api/households/${randomUUID()}?lang=en`)
      .set('Authorization', assessor)
      .set('Accept-Language', 'zh-CN')
      .expect(404);
    expect(byQuery.body.message).toBe('Household not found');
  });

  it('answers zh-CN to a language it does not speak', async () => {
    const res = await missingHousehold().set('Accept-Language', 'fr-FR, de;q=0.8').expect(404);
    expect(res.body.message).toBe('未找到该家庭');
  });

  it('answers errors raised before any route in the same language rules', async () => {
    const unknown = await ctx.http.get('/api/no/such/route').expect(404);
    expect(unknown.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
    const english = await ctx.http
      .get('/api/no/such/route')
      .set('Accept-Language', 'en')
      .expect(404);
    expect(english.body.message).toBe('No route GET /api/no/such/route');
  });

  it('answers a wrong check digit with the constraint and a Chinese message beside the field', async () => {
    const good = newIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const body = ctx.householdBody(tree.communityA, {
      members: [{ name: '某', relation: 'self', idNumber: bad, employment: 'employed' }],
    });
    const res = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .send(body)
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请按提示修改',
      details: [
        {
          field: 'members[0].idNumber',
          constraint: 'isIdNumber',
          params: { problem: 'check_digit' },
          message: '身份证号校验位不正确',
        },
      ],
    });
    // The refused number itself is never echoed (personal data).
    expect(JSON.stringify(res.body)).not.toContain(bad);

    const english = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .set('Accept-Language', 'en')
      .send(body)
      .expect(400);
    expect(english.body.details).toEqual([
      {
        field: 'members[0].idNumber',
        constraint: 'isIdNumber',
        params: { problem: 'check_digit' },
        message: 'idNumber has a wrong check digit (GB 11643)',
      },
    ]);
  });

  it("gives each failed constraint its parameters from the DTO's decorators", async () => {
    const res = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .send({ ...ctx.householdBody(tree.communityA), address: 'x'.repeat(201), surplus: 1 })
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        {
          field: 'address',
          constraint: 'isLength',
          params: { min: 1, max: 200 },
          message: '长度应为 1 至 200 个字符',
        },
        {
          field: 'surplus',
          constraint: 'whitelistValidation',
          message: '不允许提交此字段',
        },
      ]),
    );
  });

  it('answers a stale version 409 with the current version in the Chinese message', async () => {
    const created = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .send(ctx.householdBody(tree.communityA))
      .expect(201);
    await ctx.http
      .patch(`/api/households/${created.body.id}`)
      .set('Authorization', assessor)
      .send({ version: created.body.version, address: '新地址 1 号' })
      .expect(200);
    const stale = await ctx.http
      .patch(`/api/households/${created.body.id}`)
      .set('Authorization', assessor)
      .send({ version: created.body.version, address: '新地址 2 号' })
      .expect(409);
    const current = created.body.version + 1;
    expect(stale.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'STALE_VERSION',
      message: `该记录已被他人修改（当前版本 ${current}），请刷新后重试`,
      details: { currentVersion: current },
    });
  });
});
