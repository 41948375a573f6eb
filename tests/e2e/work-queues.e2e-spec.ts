import { HouseholdPhoneBackfill } from '@onedoor/households';
import { newIdNumber, startApi, TestContext } from './support/test-app';

describe('Work queues: keyset pages and household search (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessorA: string;
  const ids: string[] = [];
  const headIds: string[] = [];

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    assessorA = await ctx.tokenFor('assessor', tree.streetA);
    const names = ['欧阳明', '欧阳华', '欧阳秀英', '司马光', '诸葛亮', '上官婉儿', '慕容复'];
    for (let i = 0; i < names.length; i++) {
      const idNumber = newIdNumber(`1970-01-${String(10 + i).padStart(2, '0')}`);
      headIds.push(idNumber);
      const res = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            phone: `139 0000-00${String(i).padStart(2, '0')}`,
            members: [{ name: names[i], relation: 'self', idNumber, employment: 'employed' }],
          }),
        )
        .expect(201);
      ids.push(res.body.id);
    }
  });
  afterAll(() => ctx.close());

  it('pages by cursor: every household once, newest first, no total unless asked', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await ctx.http
        .get(`/api/households?limit=3&communityId=${tree.communityA.id}${q}`)
        .set('Authorization', assessorA)
        .expect(200);
      expect(res.body.total).toBeUndefined();
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((h: { id: string }) => h.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...ids].reverse());
    const counted = await ctx.http
      .get(`/api/households?limit=3&withTotal=true&communityId=${tree.communityA.id}`)
      .set('Authorization', assessorA)
      .expect(200);
    expect(counted.body.total).toBe(ids.length);
    // Offset paging still answers, with page and total.
    const legacy = await ctx.http
      .get(`/api/households?page=2&limit=3&communityId=${tree.communityA.id}`)
      .set('Authorization', assessorA)
      .expect(200);
    expect(legacy.body).toMatchObject({ page: 2, limit: 3, total: ids.length });
    expect(legacy.body.items.map((h: { id: string }) => h.id)).toEqual(seen.slice(3, 6));
    await ctx.http
      .get('/api/households?cursor=bm90LWEtY3Vyc29y')
      .set('Authorization', assessorA)
      .expect(400);
  });

  it('finds households by name prefix and by similar name, inside the reader’s scope', async () => {
    const prefix = await ctx.http
      .get(`/api/households?q=${encodeURIComponent('欧阳')}`)
      .set('Authorization', assessorA)
      .expect(200);
    expect(prefix.body.items.map((h: { id: string }) => h.id).sort()).toEqual(
      ids.slice(0, 3).sort(),
    );
    const similar = await ctx.http
      .post('/api/households/search')
      .set('Authorization', assessorA)
      .send({ q: '上官婉' })
      .expect(200);
    expect(similar.body[0]).toMatchObject({ id: ids[5], headName: '上官婉儿' });
    const outside = await ctx.http
      .post('/api/households/search')
      .set('Authorization', await ctx.tokenFor('assessor', tree.streetB))
      .send({ q: '欧阳' })
      .expect(200);
    expect(outside.body).toEqual([]);
  });

  it('finds a household by phone (any spelling) and by identity number, exactly', async () => {
    const byPhone = await ctx.http
      .post('/api/households/search')
      .set('Authorization', assessorA)
      .send({ phone: '13900000003' })
      .expect(200);
    expect(byPhone.body.map((h: { id: string }) => h.id)).toEqual([ids[3]]);
    expect(byPhone.body[0].phone).toMatch(/^139\*+0003$/);
    const byId = await ctx.http
      .post('/api/households/search')
      .set('Authorization', assessorA)
      .send({ idNumber: headIds[4] })
      .expect(200);
    expect(byId.body.map((h: { id: string }) => h.id)).toEqual([ids[4]]);
    expect(JSON.stringify(byId.body)).not.toContain(headIds[4]);
    await ctx.http
      .post('/api/households/search')
      .set('Authorization', assessorA)
      .send({})
      .expect(400);
  });

  it('lists a household’s assessments, drafts included, and refuses a second draft with 409 and its id', async () => {
    const { household, assessment } = await ctx.assessedHousehold(assessorA, tree.communityA);
    const draft = await ctx.http
      .post(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessorA)
      .send({})
      .expect(201);
    const again = await ctx.http
      .post(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessorA)
      .send({});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ASSESSMENT_DRAFT_OPEN',
      details: { assessmentId: draft.body.id },
    });
    const list = await ctx.http
      .get(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessorA)
      .expect(200);
    expect(list.body.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [draft.body.id, 'draft'],
      [assessment.id, 'completed'],
    ]);
    await ctx.http
      .get(`/api/households/${household.id}/assessments`)
      .set('Authorization', await ctx.tokenFor('assessor', tree.streetB))
      .expect(404);
  });

  it('fills the phone digest of households stored before it existed, at start, so they are found', async () => {
    const id = ids[6];
    await ctx.dataSource.query(`UPDATE household SET phone_hmac = NULL WHERE id = $1`, [id]);
    const search = () =>
      ctx.http
        .post('/api/households/search')
        .set('Authorization', assessorA)
        .send({ phone: '13900000006' })
        .expect(200);
    expect((await search()).body).toEqual([]);
    await ctx.app.get(HouseholdPhoneBackfill).onApplicationBootstrap();
    expect((await search()).body.map((h: { id: string }) => h.id)).toEqual([id]);
  });
});
