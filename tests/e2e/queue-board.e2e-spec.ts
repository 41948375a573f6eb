import { startApi, TestContext } from './support/test-app';

describe('Bull Board (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('is refused without a token (401) and to non-admins (403), in the one error shape', async () => {
    const none = await ctx.http.get('/api/admin/queues');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const tree = await ctx.newDistrict();
    for (const role of ['civil_affairs', 'assessor'] as const) {
      const token = await ctx.tokenFor(role, tree.district);
      const res = await ctx.http.get('/api/admin/queues/api/queues').set('Authorization', token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('shows the queues to an admin, and lets a browser carry on with a cookie', async () => {
    const admin = await ctx.tokenFor('admin');
    const api = await ctx.http.get('/api/admin/queues/api/queues').set('Authorization', admin);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'imports',
      'mail',
      'maintenance',
      'matching',
      'notifications',
      'webhooks',
    ]);
    const page = await ctx.http.get(
      `/api/admin/queues?access_token=${admin.slice('Bearer '.length)}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']?.[0]).toMatch(/^onedoor_board=.*HttpOnly/);
    const cookie = page.headers['set-cookie']![0].split(';')[0];
    await ctx.http.get('/api/admin/queues/api/queues').set('Cookie', cookie).expect(200);
  });
});
