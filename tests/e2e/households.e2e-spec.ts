import { Clock } from '@onedoor/platform';
import { newIdNumber, startApi, TestContext } from './support/test-app';

describe('Households and assessments (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessorA: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    assessorA = await ctx.tokenFor('assessor', tree.streetA);
  });
  afterAll(() => ctx.close());

  describe('personal data', () => {
    it('answers a wrong check digit with 400 naming the member', async () => {
      const good = newIdNumber();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const res = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            members: [{ name: '某', relation: 'self', idNumber: bad, employment: 'employed' }],
          }),
        );
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        {
          field: 'members[0].idNumber',
          constraint: 'isIdNumber',
          params: { problem: 'check_digit' },
          message: '身份证号校验位不正确',
        },
      ]);
    });
  });

  it('keeps households inside the reader’s area, by id and in lists', async () => {
    const created = await ctx.http
      .post('/api/households')
      .set('Authorization', assessorA)
      .send(ctx.householdBody(tree.communityA))
      .expect(201);
    for (const token of [
      await ctx.tokenFor('assessor', tree.streetB),
      await ctx.tokenFor('civil_affairs', tree.streetB),
    ]) {
      await ctx.http
        .get(`/api/households/${created.body.id}`)
        .set('Authorization', token)
        .expect(404);
      await ctx.http
        .get(`/api/households/${created.body.id}/needs`)
        .set('Authorization', token)
        .expect(404);
      const list = await ctx.http.get('/api/households?limit=100').set('Authorization', token);
      expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(created.body.id);
    }
    const assessment = await ctx.http
      .post(`/api/households/${created.body.id}/assessments`)
      .set('Authorization', assessorA)
      .send({})
      .expect(201);
    const assessorB = await ctx.tokenFor('assessor', tree.streetB);
    await ctx.http
      .patch(`/api/households/${created.body.id}`)
      .set('Authorization', assessorB)
      .send({ version: 1, address: 'x' })
      .expect(404);
    await ctx.http
      .post(`/api/households/${created.body.id}/assessments`)
      .set('Authorization', assessorB)
      .send({})
      .expect(404);
    await ctx.http
      .get(`/api/assessments/${assessment.body.id}`)
      .set('Authorization', assessorB)
      .expect(404);
    await ctx.http
      .patch(`/api/assessments/${assessment.body.id}`)
      .set('Authorization', assessorB)
      .send({ answers: {} })
      .expect(404);
    const district = await ctx.tokenFor('civil_affairs', tree.district);
    await ctx.http
      .get(`/api/households/${created.body.id}`)
      .set('Authorization', district)
      .expect(200);
    const provider = await ctx.tokenFor('provider', tree.district);
    await ctx.http
      .get(`/api/households/${created.body.id}`)
      .set('Authorization', provider)
      .expect(403);
  });

  // The rules behind these routes (revisit intervals, import row by row) are the services'
  // tests in libs/households/test; here, the routes themselves.
  it('lists households due for a revisit over HTTP', async () => {
    const viaHttp = await ctx.http
      .get('/api/households/due-revisits')
      .set('Authorization', assessorA);
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body.items).toEqual(expect.any(Array));
  });

  it("lists only the households with the caller's own draft assessment under ?drafts=mine", async () => {
    const [withDraft, without, othersDraft] = await Promise.all(
      [1, 2, 3].map(() =>
        ctx.http
          .post('/api/households')
          .set('Authorization', assessorA)
          .send(ctx.householdBody(tree.communityA))
          .expect(201),
      ),
    );
    const colleague = await ctx.tokenFor('assessor', tree.streetA);
    await ctx.http
      .post(`/api/households/${withDraft.body.id}/assessments`)
      .set('Authorization', assessorA)
      .send({})
      .expect(201);
    await ctx.http
      .post(`/api/households/${othersDraft.body.id}/assessments`)
      .set('Authorization', colleague)
      .send({})
      .expect(201);
    const res = await ctx.http
      .get('/api/households?drafts=mine&limit=100')
      .set('Authorization', assessorA)
      .expect(200);
    const ids = res.body.items.map((h: { id: string }) => h.id);
    expect(ids).toContain(withDraft.body.id);
    expect(ids).not.toContain(without.body.id);
    expect(ids).not.toContain(othersDraft.body.id);
    await ctx.http.get('/api/households?drafts=all').set('Authorization', assessorA).expect(400);
  });

  it('imports a CSV sent as text/csv (201), and answers one without its header with 400', async () => {
    const csv = [
      '户编号,社区编码,户籍,联系电话,姓名,与户主关系,身份证号,就业状况,教育阶段,月收入(元),慢性病',
      `H1,${tree.communityA.code},本地,13900001111,刘一,户主,${newIdNumber('1958-01-01')},退休,,800,是`,
    ].join('\n');
    const res = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessorA)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(`\ufeff${csv}`, 'utf8'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      households: { imported: 1, rejected: 0 },
      rows: { total: 1, imported: 1, rejected: 0 },
      errors: [],
    });

    const noHeader = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessorA)
      .set('Content-Type', 'text/csv')
      .send('foo,bar\n1,2');
    expect(noHeader.status).toBe(400);
  });

  // The completion's dates over HTTP follow the app's Clock (the rule itself: service tier).
  it("dates a completion by the app's Clock: completed, last assessed and next revisit", async () => {
    const at = new Date('2026-03-15T02:00:00.000Z');
    jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(at);
    const { household, assessment } = await ctx.assessedHousehold(
      assessorA,
      tree.communityA,
      { sudden_event: true },
      ctx.householdBody(tree.communityA, {}, 900_000),
    );
    expect(assessment).toMatchObject({ tier: 'emergency', completedAt: at.toISOString() });
    const seen = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', assessorA)
      .expect(200);
    expect(seen.body).toMatchObject({
      lastAssessedAt: at.toISOString(),
      nextRevisitAt: '2026-04-15T02:00:00.000Z', // emergency: a month on the clock, not today
    });
  });
  afterEach(() => jest.restoreAllMocks());
});
