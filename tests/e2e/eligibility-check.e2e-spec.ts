import { startApi, TestContext } from './support/test-app';

// The console's rule builder asks this endpoint on every change: the same checks as saving a
// resource, the same wording as listings, errors by node path.
describe('Eligibility check (e2e)', () => {
  let ctx: TestContext;
  let charity: string;
  let staff: string;

  beforeAll(async () => {
    ctx = await startApi();
    const tree = await ctx.newDistrict();
    ({ token: charity } = await ctx.newProviderWithUser(tree.district));
    staff = await ctx.tokenFor('civil_affairs', tree.district);
  });
  afterAll(() => ctx.close());

  const nested = {
    all: [
      { tier: { in: ['subsistence', 'extreme_poverty'] } },
      { any: [{ memberAge: { min: 60 } }, { hasDisability: true }] },
    ],
  };

  it('words a valid nested document in Chinese, for a provider and for staff', async () => {
    for (const token of [charity, staff]) {
      const res = await ctx.http
        .post('/api/resources/eligibility/check')
        .set('Authorization', token)
        .send({ eligibility: nested })
        .expect(200);
      expect(res.body).toEqual({
        valid: true,
        description: '家庭类别为低保、特困；（满足其一：有成员年龄≥60岁 或 有持证残疾成员）',
        errors: [],
      });
    }
  });

  it('reads null as no conditions', async () => {
    const res = await ctx.http
      .post('/api/resources/eligibility/check')
      .set('Authorization', charity)
      .send({ eligibility: null })
      .expect(200);
    expect(res.body).toEqual({ valid: true, description: '无资格限制', errors: [] });
  });

  it('names each bad node by its path, in Chinese, or in English when asked', async () => {
    const bad = {
      all: [
        { tier: { in: ['subsistence'] } },
        { any: [{ memberAge: { min: 70, max: 60 } }, { hasDisability: true }] },
        { any: [] },
      ],
    };
    const zh = await ctx.http
      .post('/api/resources/eligibility/check')
      .set('Authorization', charity)
      .send({ eligibility: bad })
      .expect(200);
    expect(zh.body.valid).toBe(false);
    expect(zh.body.errors).toEqual([
      {
        field: 'eligibility.all[1].any[0].memberAge',
        constraint: 'eligibilityRule',
        params: { problem: 'minOverMax' },
        message: '最小值不能大于最大值',
      },
      {
        field: 'eligibility.all[2].any',
        constraint: 'eligibilityRule',
        params: { problem: 'emptyGroup' },
        message: '条件组中至少需要一个条件',
      },
    ]);
    const en = await ctx.http
      .post('/api/resources/eligibility/check')
      .set('Authorization', charity)
      .set('Accept-Language', 'en')
      .send({ eligibility: { memberAge: { min: 200 } } })
      .expect(200);
    expect(en.body.errors).toEqual([
      expect.objectContaining({
        field: 'eligibility.memberAge.min',
        message: 'must be an integer from 0 to 150',
      }),
    ]);
  });

  it('is refused without a token, to an evaluator, and for a body that is not a document', async () => {
    await ctx.http
      .post('/api/resources/eligibility/check')
      .send({ eligibility: nested })
      .expect(401);
    const evaluator = await ctx.tokenFor('evaluator');
    await ctx.http
      .post('/api/resources/eligibility/check')
      .set('Authorization', evaluator)
      .send({ eligibility: nested })
      .expect(403);
    const notObject = await ctx.http
      .post('/api/resources/eligibility/check')
      .set('Authorization', charity)
      .send({ eligibility: 'everyone' })
      .expect(400);
    expect(notObject.body.code).toBe('VALIDATION_FAILED');
  });

  it('saving a resource refuses the same node with the same Chinese sentence', async () => {
    const tree = await ctx.newDistrict();
    const { token } = await ctx.newProviderWithUser(tree.district);
    const res = await ctx.http
      .post('/api/resources')
      .set('Authorization', token)
      .send(ctx.resourceBody(tree.communityA, { eligibility: { all: [{ any: [] }] } }))
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'ELIGIBILITY_RULES_INVALID',
      details: [{ field: 'eligibility.all[0].any', message: '条件组中至少需要一个条件' }],
    });
  });
});
