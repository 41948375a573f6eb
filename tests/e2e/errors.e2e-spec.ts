import { startApi, TestContext } from './support/test-app';

describe('Error shape (e2e)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await startApi();
    admin = await ctx.tokenFor('admin');
  });
  afterAll(() => ctx.close());

  it('answers invalid input with 400 and field details', async () => {
    const res = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({ level: 'planet', code: 'has spaces', surplus: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
    });
    const failed = res.body.details
      .map((d: { field: string; constraint: string }) => `${d.field}:${d.constraint}`)
      .sort();
    // One entry per field and failed constraint (a missing name is neither a string nor long enough).
    expect(failed).toEqual([
      'code:matches',
      'level:isIn',
      'name:isLength',
      'name:isString',
      'surplus:whitelistValidation',
    ]);
    expect(res.body.details.find((d: { field: string }) => d.field === 'surplus')).toEqual({
      field: 'surplus',
      constraint: 'whitelistValidation',
      message: '不允许提交此字段',
    });
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const res = await ctx.http
      .get('/api/no/such/route')
      .set('Authorization', admin)
      .set('Accept-Language', 'en');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /api/no/such/route',
    });
  });

  it('answers malformed JSON with 400 in the same shape', async () => {
    const res = await ctx.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('answers a domain rule broken with its code', async () => {
    const { streetA } = await ctx.newDistrict();
    const res = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .set('Accept-Language', 'en')
      .send({
        level: 'district',
        parentId: streetA.id,
        code: 'T-BAD-PARENT',
        name: 'Wrong',
        minimumLivingStandardFen: 100000,
      });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'AREA_PARENT_INVALID',
      message: 'A district needs a parent city',
    });
  });

  it('sets security headers', async () => {
    const res = await ctx.http.get('/api/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });
});
