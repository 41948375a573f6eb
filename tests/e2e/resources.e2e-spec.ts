import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
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

    it('lets a street officer see but not publish a resource covering the whole district (403)', async () => {
      const { token: charity } = await ctx.newProviderWithUser(tree.district);
      const r = await ctx.http
        .post('/api/resources')
        .set('Authorization', charity)
        .send(ctx.resourceBody(tree.district, { serviceLevel: 'district' }));
      await ctx.http
        .post(`/api/resources/${r.body.id}/submit`)
        .set('Authorization', charity)
        .send({})
        .expect(200);
      const streetA = await ctx.tokenFor('civil_affairs', tree.streetA);
      await ctx.http.get(`/api/resources/${r.body.id}`).set('Authorization', streetA).expect(200);
      const res = await ctx.http
        .post(`/api/resources/${r.body.id}/publish`)
        .set('Authorization', streetA)
        .send({});
      expect(res.status).toBe(403);
    });

    it('refuses to publish for a provider that is not verified', async () => {
      const { token } = await ctx.newProviderWithUser(tree.district, { verification: 'pending' });
      const r = await ctx.http
        .post('/api/resources')
        .set('Authorization', token)
        .send(ctx.resourceBody(tree.communityA));
      await ctx.http
        .post(`/api/resources/${r.body.id}/submit`)
        .set('Authorization', token)
        .send({})
        .expect(200);
      const res = await ctx.http
        .post(`/api/resources/${r.body.id}/publish`)
        .set('Authorization', districtStaff)
        .send({});
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PROVIDER_NOT_VERIFIED');
    });

    it('needs a reason to reject, and a rejected resource returns to draft', async () => {
      const { token } = await ctx.newProviderWithUser(tree.district);
      const r = await ctx.http
        .post('/api/resources')
        .set('Authorization', token)
        .send(ctx.resourceBody(tree.communityA));
      await ctx.http
        .post(`/api/resources/${r.body.id}/submit`)
        .set('Authorization', token)
        .send({})
        .expect(200);
      const bare = await ctx.http
        .post(`/api/resources/${r.body.id}/reject`)
        .set('Authorization', districtStaff)
        .send({});
      expect(bare.status).toBe(400);
      expect(bare.body.details).toEqual([{ field: 'reason', messages: ['is required'] }]);
      const rejected = await ctx.http
        .post(`/api/resources/${r.body.id}/reject`)
        .set('Authorization', districtStaff)
        .send({ reason: '覆盖范围有误' });
      expect(rejected.body).toMatchObject({ status: 'draft', statusReason: '覆盖范围有误' });
    });

    it('answers a stale version with 409 and keeps the newer edit', async () => {
      const { token } = await ctx.newProviderWithUser(tree.district);
      const r = await ctx.http
        .post('/api/resources')
        .set('Authorization', token)
        .send(ctx.resourceBody(tree.communityA));
      const first = await ctx.http
        .patch(`/api/resources/${r.body.id}`)
        .set('Authorization', token)
        .send({ version: 1, title: '第一次修改' });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await ctx.http
        .patch(`/api/resources/${r.body.id}`)
        .set('Authorization', token)
        .send({ version: 1, title: '过期的修改' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
      const now = await ctx.http.get(`/api/resources/${r.body.id}`).set('Authorization', token);
      expect(now.body.title).toBe('第一次修改');
    });

    it('limits edits of a published resource and never lets capacity fall below what is committed', async () => {
      const { token } = await ctx.newProviderWithUser(tree.district);
      const r = await ctx.publishedResource(token, districtStaff, tree.communityA);
      const retitle = await ctx.http
        .patch(`/api/resources/${r.id}`)
        .set('Authorization', token)
        .send({ version: r.version, title: 'x' });
      expect(retitle.status).toBe(409);
      expect(retitle.body.code).toBe('RESOURCE_NOT_EDITABLE');

      await ctx.dataSource.query(`UPDATE resource SET reserved = 3, delivered = 2 WHERE id = $1`, [
        r.id,
      ]);
      const lower = await ctx.http
        .patch(`/api/resources/${r.id}`)
        .set('Authorization', token)
        .send({ version: r.version, capacity: 4 });
      expect(lower.status).toBe(409);
      expect(lower.body.code).toBe('RESOURCE_CAPACITY_BELOW_COMMITTED');
      const raise = await ctx.http
        .patch(`/api/resources/${r.id}`)
        .set('Authorization', token)
        .send({ version: r.version, capacity: 25 });
      expect(raise.status).toBe(200);
      expect(raise.body).toMatchObject({ capacity: 25, reserved: 3, delivered: 2, remaining: 20 });
    });
  });

  describe('write-time validation', () => {
    it('rejects a malformed rule document with 400 naming the path of the bad node', async () => {
      const { token } = await ctx.newProviderWithUser(tree.district);
      const res = await ctx.http
        .post('/api/resources')
        .set('Authorization', token)
        .send(
          ctx.resourceBody(tree.communityA, {
            eligibility: {
              all: [{ tier: { in: ['subsistence'] } }, { memberAge: { min: 'old' } }],
            },
          }),
        );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ELIGIBILITY_RULES_INVALID');
      expect(res.body.details[0].field).toBe('eligibility.all[1].memberAge.min');
    });

    it('rejects a provider code with a wrong check character', async () => {
      const res = await ctx.http.post('/api/providers').set('Authorization', districtStaff).send({
        kind: 'charity',
        name: '测试慈善会',
        uscc: '91350100M000100Y44',
        homeAreaId: tree.district.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'uscc', messages: ['uscc has a wrong check character (GB 32100-2015)'] },
      ]);
    });

    it('keeps a charity to its home area', async () => {
      const { token } = await ctx.newProviderWithUser(tree.streetA);
      const res = await ctx.http
        .post('/api/resources')
        .set('Authorization', token)
        .send(ctx.resourceBody(tree.communityB));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('RESOURCE_COVERAGE_OUT_OF_REACH');
    });
  });

  describe('providers', () => {
    it('are registered pending and verified by staff of their area, with an audited reason', async () => {
      const created = await ctx.http
        .post('/api/providers')
        .set('Authorization', districtStaff)
        .send({
          kind: 'social_work_org',
          name: '阳光社工',
          uscc: '91350100M000100Y43'.slice(0, 0) + '51110000500000712A',
          homeAreaId: tree.streetA.id,
        });
      expect(created.status).toBe(201);
      expect(created.body.verification).toBe('pending');
      const streetB = await ctx.tokenFor('civil_affairs', tree.streetB);
      await ctx.http
        .post(`/api/providers/${created.body.id}/verify`)
        .set('Authorization', streetB)
        .send({ status: 'verified', reason: 'x' })
        .expect(404);
      const verified = await ctx.http
        .post(`/api/providers/${created.body.id}/verify`)
        .set('Authorization', districtStaff)
        .send({ status: 'verified', reason: '登记证书有效' });
      expect(verified.status).toBe(200);
      expect(verified.body.verification).toBe('verified');
      const audit = await ctx.http
        .get(`/api/audit?entityType=provider&entityId=${created.body.id}`)
        .set('Authorization', districtStaff);
      expect(audit.body.items[1]).toMatchObject({
        action: 'verify',
        fromState: 'pending',
        toState: 'verified',
        reason: '登记证书有效',
      });
      const dup = await ctx.http.post('/api/providers').set('Authorization', districtStaff).send({
        kind: 'charity',
        name: '重复',
        uscc: '51110000500000712A',
        homeAreaId: tree.district.id,
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('PROVIDER_USCC_TAKEN');
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

  it('finds exactly the resources whose coverage contains a community (coversArea)', async () => {
    const t = await ctx.newDistrict();
    const otherCommunityA = await ctx.newArea('community', t.streetA);
    const staff = await ctx.tokenFor('civil_affairs', t.district);
    const { token } = await ctx.newProviderWithUser(t.district);
    const districtWide = await ctx.publishedResource(token, staff, t.district, {
      serviceLevel: 'district',
    });
    const streetA = await ctx.publishedResource(token, staff, t.streetA, {
      serviceLevel: 'street',
    });
    const communityA = await ctx.publishedResource(token, staff, t.communityA);
    // Same street, sibling community; and the other street: none of them covers communityA.
    await ctx.publishedResource(token, staff, otherCommunityA);
    await ctx.publishedResource(token, staff, t.streetB, { serviceLevel: 'street' });
    await ctx.publishedResource(token, staff, t.communityB);

    // District staff see all six: only the filter can narrow them to three.
    const all = await ctx.http
      .get(`/api/resources?providerId=${districtWide.provider.id}&limit=100`)
      .set('Authorization', staff);
    expect(all.body.total).toBe(6);
    const res = await ctx.http
      .get(`/api/resources?coversArea=${t.communityA.id}&limit=100`)
      .set('Authorization', staff);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [districtWide.id, streetA.id, communityA.id].sort(),
    );
    expect(res.body.items.every((r: { remaining: number }) => r.remaining === 10)).toBe(true);
  });

  it('searches title and description (q) and filters by level and form', async () => {
    const t = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', t.district);
    const { token } = await ctx.newProviderWithUser(t.district);
    const hit = await ctx.publishedResource(token, staff, t.communityA, {
      title: '喘息服务（测试）',
      description: '照护者短期休息',
    });
    await ctx.publishedResource(token, staff, t.communityA, { title: '心理疏导（测试）' });
    const byText = await ctx.http
      .get(`/api/resources?q=${encodeURIComponent('休息')}&coversArea=${t.communityA.id}`)
      .set('Authorization', staff);
    expect(byText.body.items.map((r: { id: string }) => r.id)).toEqual([hit.id]);
    const wildcard = await ctx.http
      .get(`/api/resources?q=${encodeURIComponent('%')}&coversArea=${t.communityA.id}`)
      .set('Authorization', staff);
    expect(wildcard.body.total).toBe(0);
    const byLevel = await ctx.http
      .get(`/api/resources?level=district&coversArea=${t.communityA.id}`)
      .set('Authorization', staff);
    expect(byLevel.body.total).toBe(0);
  });

  it('holds the capacity CHECK: reserved + delivered can never exceed capacity', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const r = await ctx.publishedResource(token, districtStaff, tree.communityA);
    await expect(
      ctx.dataSource.query(`UPDATE resource SET reserved = 6, delivered = 5 WHERE id = $1`, [r.id]),
    ).rejects.toThrow(/ck_resource_units/);
    await expect(
      ctx.dataSource.query(`UPDATE resource SET capacity = 1, reserved = 2 WHERE id = $1`, [r.id]),
    ).rejects.toThrow(/ck_resource_units/);
    await ctx.dataSource.query(`UPDATE resource SET reserved = 6, delivered = 4 WHERE id = $1`, [
      r.id,
    ]);
  });

  it('closes resources past their validity, audited as expired', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const r = await ctx.publishedResource(token, districtStaff, tree.communityA, {
      validFrom: '2025-01-01',
    });
    // Its last day passes while it is published (publishing a lapsed resource is refused).
    await ctx.dataSource.query(`UPDATE resource SET valid_until = '2025-12-31' WHERE id = $1`, [
      r.id,
    ]);
    const lapsed = await ctx.http
      .post(`/api/resources/${r.id}/pause`)
      .set('Authorization', token)
      .send({});
    expect(lapsed.status).toBe(200);
    const resume = await ctx.http
      .post(`/api/resources/${r.id}/resume`)
      .set('Authorization', token)
      .send({});
    expect(resume.status).toBe(409);
    const current = await ctx.publishedResource(token, districtStaff, tree.communityA);
    const sut = ctx.app.get(ResourceLifecycleService);
    expect(await sut.expireDue()).toBeGreaterThanOrEqual(1);
    const repo = ctx.dataSource.getRepository(ResourceEntity);
    expect(await repo.findOneByOrFail({ id: r.id })).toMatchObject({
      status: 'closed',
      statusReason: 'expired',
    });
    expect((await repo.findOneByOrFail({ id: current.id })).status).toBe('published');
    const audit = await ctx.http
      .get(`/api/audit?entityType=resource&entityId=${r.id}`)
      .set('Authorization', districtStaff);
    expect(audit.body.items.at(-1)).toMatchObject({
      action: 'expire',
      fromState: 'paused',
      toState: 'closed',
      actorId: null,
    });
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

  it('lets only staff resume a resource staff paused', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const r = await ctx.publishedResource(token, districtStaff, tree.communityA);
    await ctx.http
      .post(`/api/resources/${r.id}/pause`)
      .set('Authorization', districtStaff)
      .send({ reason: '投诉核查中' })
      .expect(200);
    const byOwner = await ctx.http
      .post(`/api/resources/${r.id}/resume`)
      .set('Authorization', token)
      .send({});
    expect(byOwner.status).toBe(403);
    await ctx.http
      .post(`/api/resources/${r.id}/resume`)
      .set('Authorization', districtStaff)
      .send({})
      .expect(200);
    // A provider's own pause, the provider may lift.
    await ctx.http
      .post(`/api/resources/${r.id}/pause`)
      .set('Authorization', token)
      .send({})
      .expect(200);
    await ctx.http
      .post(`/api/resources/${r.id}/resume`)
      .set('Authorization', token)
      .send({})
      .expect(200);
  });

  it('refuses null for required fields and a service level that cannot serve its coverage', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const r = await ctx.http
      .post('/api/resources')
      .set('Authorization', token)
      .send(ctx.resourceBody(tree.communityA));
    const nulls = await ctx.http
      .patch(`/api/resources/${r.body.id}`)
      .set('Authorization', token)
      .send({ version: 1, categoryCode: null, title: null });
    expect(nulls.status).toBe(400);
    expect(nulls.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'categoryCode',
      'title',
    ]);
    const tooWide = await ctx.http
      .post('/api/resources')
      .set('Authorization', token)
      .send(ctx.resourceBody(tree.district, { serviceLevel: 'community' }));
    expect(tooWide.status).toBe(400);
    expect(tooWide.body.details[0].field).toBe('coverageAreaId');
  });

  it("stops offering a suspended provider's resources, and shows history to its own users", async () => {
    const { provider, token } = await ctx.newProviderWithUser(tree.district);
    const r = await ctx.publishedResource(token, districtStaff, tree.communityA);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    await ctx.http.get(`/api/resources/${r.id}`).set('Authorization', assessor).expect(200);
    const history = await ctx.http
      .get(`/api/resources/${r.id}/history`)
      .set('Authorization', token);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'submit',
      'publish',
    ]);

    await ctx.http
      .post(`/api/providers/${provider.id}/verify`)
      .set('Authorization', districtStaff)
      .send({ status: 'suspended', reason: '年检未通过' })
      .expect(200);
    await ctx.http.get(`/api/resources/${r.id}`).set('Authorization', assessor).expect(404);
    expect((await ctx.allHsdsServices()).map((s) => s.id)).not.toContain(r.id);
  });

  it('exports published resources as HSDS 3.0 services that validate against the official schema', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const mine = await ctx.publishedResource(token, districtStaff, tree.communityA, {
      form: 'cash',
      categoryCode: 'education',
      valuePerUnitFen: 100000,
      eligibility: {
        all: [{ childrenInSchool: { min: 1 } }, { perCapitaIncomeRatio: { max: 1.5 } }],
      },
    });
    const schema = JSON.parse(
      readFileSync(join(__dirname, '../../../shared/schemas/hsds-3.0/service.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    const first = await ctx.http.get('/api/exports/hsds/services?limit=100');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page_number: 1, first_page: true, empty: false });
    const services = await ctx.allHsdsServices();
    expect(services.length).toBe(first.body.total_items);
    for (const service of services) {
      const ok = validate(service);
      expect({ id: service.id, errors: ok ? [] : validate.errors }).toEqual({
        id: service.id,
        errors: [],
      });
    }
    const cash = services.find((s) => s.id === mine.id);
    expect(cash).toMatchObject({
      status: 'active',
      eligibility_description: '在学子女≥1人；人均收入为低保标准的≤1.5倍',
      cost_options: [{ currency: 'CNY', amount: 1000 }],
    });
  });
});
