import { startApi, TestContext } from './support/test-app';

describe('Area scope (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessorA: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    assessorA = await ctx.tokenFor('assessor', tree.streetA);
  });
  afterAll(() => ctx.close());

  it('lets an assessor of street A read an area inside street A', async () => {
    const res = await ctx.http
      .get(`/api/areas/${tree.communityA.id}`)
      .set('Authorization', assessorA);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(tree.communityA.id);
    expect(res.body.ancestors.map((a: { id: string }) => a.id)).toEqual([
      tree.city.id,
      tree.district.id,
      tree.streetA.id,
    ]);
  });

  it('answers 404 for a record of street B, exactly as for one that does not exist', async () => {
    const outside = await ctx.http
      .get(`/api/areas/${tree.communityB.id}`)
      .set('Authorization', assessorA);
    const missing = await ctx.http
      .get('/api/areas/00000000-0000-4000-8000-000000000000')
      .set('Authorization', assessorA);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('leaves street B out of lists', async () => {
    const res = await ctx.http.get('/api/areas?limit=100').set('Authorization', assessorA);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([tree.streetA.id, tree.communityA.id]));
    expect(ids).not.toContain(tree.streetB.id);
    expect(ids).not.toContain(tree.communityB.id);
    expect(ids).not.toContain(tree.district.id);
    expect(res.body.total).toBe(2);
  });

  it('lets district staff see both streets', async () => {
    const token = await ctx.tokenFor('civil_affairs', tree.district);
    const res = await ctx.http
      .get(`/api/areas?parentId=${tree.district.id}`)
      .set('Authorization', token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [tree.streetA.id, tree.streetB.id].sort(),
    );
  });

  it('shows nothing area-scoped to a non-admin without an area', async () => {
    const token = await ctx.tokenFor('evaluator', null);
    const res = await ctx.http.get('/api/areas').set('Authorization', token);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });
});
