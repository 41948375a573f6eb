import { ResourceEntity, ResourceLifecycleService } from '@onedoor/resources';
import { Clock, todayInChina } from '@onedoor/platform';
import { startApi, TestContext } from './support/test-app';

describe('Resource pool (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let districtStaff: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    districtStaff = await ctx.tokenFor('civil_affairs', tree.district);
  });
  afterAll(() => ctx.close());

  describe('lifecycle over HTTP', () => {
    it('goes draft → pending_review → published, reviewed only by staff whose area holds the coverage', async () => {
      const { token: charity } = await ctx.newProviderWithUser(tree.district);
      const streetBStaff = await ctx.tokenFor('civil_affairs', tree.streetB);
      const streetAStaff = await ctx.tokenFor('civil_affairs', tree.streetA);

      const draft = await ctx.http
        .post('/api/resources')
        .set('Authorization', charity)
        .send(ctx.resourceBody(tree.communityA));
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ status: 'draft', remaining: 10, version: 1 });
      // Drafts are the provider's own: reviewers don't see them yet.
      await ctx.http
        .get(`/api/resources/${draft.body.id}`)
        .set('Authorization', streetAStaff)
        .expect(404);

      const submitted = await ctx.http
        .post(`/api/resources/${draft.body.id}/submit`)
        .set('Authorization', charity)
        .send({});
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('pending_review');

      const otherStreet = await ctx.http
        .post(`/api/resources/${draft.body.id}/publish`)
        .set('Authorization', streetBStaff)
        .send({});
      expect(otherStreet.status).toBe(404);
      const selfPublish = await ctx.http
        .post(`/api/resources/${draft.body.id}/publish`)
        .set('Authorization', charity)
        .send({});
      expect(selfPublish.status).toBe(403);

      const published = await ctx.http
        .post(`/api/resources/${draft.body.id}/publish`)
        .set('Authorization', streetAStaff)
        .send({});
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');

      const again = await ctx.http
        .post(`/api/resources/${draft.body.id}/publish`)
        .set('Authorization', streetAStaff)
        .send({});
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'RESOURCE_INVALID_TRANSITION',
        details: { status: 'published' },
      });

      const history = await ctx.http
        .get(`/api/audit?entityType=resource&entityId=${draft.body.id}`)
        .set('Authorization', districtStaff);
      expect(
        history.body.items.map((a: { action: string; fromState: string; toState: string }) => [
          a.action,
          a.fromState,
          a.toState,
        ]),
      ).toEqual([
        ['create', null, 'draft'],
        ['submit', 'draft', 'pending_review'],
        ['publish', 'pending_review', 'published'],
      ]);
    });
  });

  describe('write-time validation', () => {
    it('rejects a provider code with a wrong check character', async () => {
      const res = await ctx.http.post('/api/providers').set('Authorization', districtStaff).send({
        kind: 'charity',
        name: '测试慈善会',
        uscc: '91350100M000100Y44',
        homeAreaId: tree.district.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        {
          field: 'uscc',
          constraint: 'isUscc',
          params: { problem: 'check_character' },
          message: '统一社会信用代码校验位不正确',
        },
      ]);
    });
  });

  it("keeps a provider's users away from another provider's resources, by id and in lists", async () => {
    const mine = await ctx.newProviderWithUser(tree.district);
    const theirs = await ctx.newProviderWithUser(tree.district);
    const their = await ctx.publishedResource(theirs.token, districtStaff, tree.communityA);
    const ownDraft = await ctx.http
      .post('/api/resources')
      .set('Authorization', mine.token)
      .send(ctx.resourceBody(tree.communityA));

    await ctx.http.get(`/api/resources/${their.id}`).set('Authorization', mine.token).expect(404);
    await ctx.http
      .patch(`/api/resources/${their.id}`)
      .set('Authorization', mine.token)
      .send({ version: their.version, capacity: 99 })
      .expect(404);
    await ctx.http
      .post(`/api/resources/${their.id}/pause`)
      .set('Authorization', mine.token)
      .send({})
      .expect(404);
    const list = await ctx.http.get('/api/resources?limit=100').set('Authorization', mine.token);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([ownDraft.body.id]);
    const providers = await ctx.http.get('/api/providers').set('Authorization', mine.token);
    expect(providers.body.items.map((p: { id: string }) => p.id)).toEqual([mine.provider.id]);
  });

  // What each service holds, and that it validates against the HSDS schema, is
  // HsdsExportService's test (libs/resources/test); here, the public route and its envelope.
  it('serves the HSDS export without authentication, in the HSDS page envelope', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const mine = await ctx.publishedResource(token, districtStaff, tree.communityA);
    const first = await ctx.http.get('/api/exports/hsds/services?limit=100');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page_number: 1, first_page: true, empty: false });
    expect((await ctx.allHsdsServices()).map((s) => s.id)).toContain(mine.id);
  });

  it("ends validity by the app's Clock: refused resume, expiry sweep, HSDS start date", async () => {
    const DAY = 86_400_000;
    const chinaDay = (days: number) => todayInChina(new Date(Date.now() + days * DAY));
    const { token } = await ctx.newProviderWithUser(tree.district);
    const ending = await ctx.publishedResource(token, districtStaff, tree.communityA, {
      validUntil: chinaDay(3),
    });
    const starting = await ctx.publishedResource(token, districtStaff, tree.communityA, {
      validFrom: chinaDay(3),
    });
    await ctx.http
      .post(`/api/resources/${ending.id}/pause`)
      .set('Authorization', token)
      .send({})
      .expect(200);
    const sut = ctx.app.get(ResourceLifecycleService);
    const repo = ctx.dataSource.getRepository(ResourceEntity);
    const exported = async () => (await ctx.allHsdsServices()).map((s) => s.id);
    await sut.expireDue();
    expect((await repo.findOneByOrFail({ id: ending.id })).status).toBe('paused');
    expect(await exported()).not.toContain(starting.id);

    const moved = jest
      .spyOn(ctx.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + 5 * DAY));
    try {
      const resume = await ctx.http
        .post(`/api/resources/${ending.id}/resume`)
        .set('Authorization', token)
        .send({});
      expect(resume.status).toBe(409);
      expect(await exported()).toContain(starting.id);
      expect(await sut.expireDue()).toBeGreaterThanOrEqual(1);
    } finally {
      moved.mockRestore();
    }
    expect(await repo.findOneByOrFail({ id: ending.id })).toMatchObject({
      status: 'closed',
      statusReason: 'expired',
    });
    expect((await repo.findOneByOrFail({ id: starting.id })).status).toBe('published');
  });
});
