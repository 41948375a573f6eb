import type { AreaEntity } from '@onedoor/areas';
import {
  type CreateResourceDto,
  ResourceQueryDto,
  ResourcesModule,
  ResourcesService,
  type UpdateResourceDto,
} from '@onedoor/resources';
import { type District, resourceInput } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const query = (q: Partial<ResourceQueryDto>) =>
  Object.assign(new ResourceQueryDto(), { limit: 100, ...q });

describe(ResourcesService.name, () => {
  let ctx: ServiceContext;
  let sut: ResourcesService;
  let tree: District;

  beforeAll(async () => {
    ctx = await startServices([ResourcesModule]);
    sut = ctx.get(ResourcesService);
    tree = await ctx.factory.district();
  });
  afterAll(() => ctx.close());

  /** A provider in the district and a user acting for it. */
  async function providerUser(homeArea: AreaEntity = tree.district) {
    const provider = await ctx.factory.provider(homeArea);
    return { provider, owner: await ctx.factory.principal('provider', homeArea, provider.id) };
  }

  it('answers a stale version with STALE_VERSION and keeps the newer edit', async () => {
    const { owner } = await providerUser();
    const r = await sut.create(resourceInput(tree.communityA), owner);
    const first = await sut.update(r.id, { version: 1, title: '第一次修改' }, owner);
    expect(first.version).toBe(2);
    await expect(
      sut.update(r.id, { version: 1, title: '过期的修改' }, owner),
    ).rejects.toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    expect((await sut.get(r.id, owner)).title).toBe('第一次修改');
  });

  it('limits edits of a published resource and never lets capacity fall below what is committed', async () => {
    const { provider, owner } = await providerUser();
    const r = await ctx.factory.resource(provider, tree.communityA);
    await expect(sut.update(r.id, { version: r.version, title: 'x' }, owner)).rejects.toMatchObject(
      { code: 'RESOURCE_NOT_EDITABLE' },
    );

    await ctx.dataSource.query(`UPDATE resource SET reserved = 3, delivered = 2 WHERE id = $1`, [
      r.id,
    ]);
    await expect(
      sut.update(r.id, { version: r.version, capacity: 4 }, owner),
    ).rejects.toMatchObject({ code: 'RESOURCE_CAPACITY_BELOW_COMMITTED' });
    const raised = await sut.update(r.id, { version: r.version, capacity: 25 }, owner);
    expect(raised).toMatchObject({ capacity: 25, reserved: 3, delivered: 2, remaining: 20 });
  });

  it('rejects a malformed rule document, naming the path of the bad node', async () => {
    const { owner } = await providerUser();
    const error = await sut
      .create(
        resourceInput(tree.communityA, {
          eligibility: {
            all: [{ tier: { in: ['subsistence'] } }, { memberAge: { min: 'old' } }],
          } as unknown as CreateResourceDto['eligibility'],
        }),
        owner,
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ELIGIBILITY_RULES_INVALID' });
    expect((error as { details: Array<{ field: string }> }).details[0].field).toBe(
      'eligibility.all[1].memberAge.min',
    );
  });

  it('keeps a charity to its home area', async () => {
    const { owner } = await providerUser(tree.streetA);
    await expect(sut.create(resourceInput(tree.communityB), owner)).rejects.toMatchObject({
      code: 'RESOURCE_COVERAGE_OUT_OF_REACH',
    });
  });

  it('refuses null for required fields and a service level that cannot serve its coverage', async () => {
    const { owner } = await providerUser();
    const r = await sut.create(resourceInput(tree.communityA), owner);
    const nulls = await sut
      .update(
        r.id,
        { version: 1, categoryCode: null, title: null } as unknown as UpdateResourceDto,
        owner,
      )
      .catch((e: unknown) => e);
    expect(nulls).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      (nulls as { details: Array<{ field: string }> }).details.map((d) => d.field).sort(),
    ).toEqual(['categoryCode', 'title']);
    const tooWide = await sut
      .create(resourceInput(tree.district, { serviceLevel: 'community' }), owner)
      .catch((e: unknown) => e);
    expect(tooWide).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((tooWide as { details: Array<{ field: string }> }).details[0].field).toBe(
      'coverageAreaId',
    );
  });

  it('finds exactly the resources whose coverage contains a community (coversArea)', async () => {
    const t = await ctx.factory.district();
    const otherCommunityA = await ctx.factory.area('community', t.streetA);
    const staff = await ctx.factory.principal('civil_affairs', t.district);
    const provider = await ctx.factory.provider(t.district);
    const districtWide = await ctx.factory.resource(provider, t.district);
    const streetA = await ctx.factory.resource(provider, t.streetA);
    const communityA = await ctx.factory.resource(provider, t.communityA);
    // Same street, sibling community; and the other street: none of them covers communityA.
    await ctx.factory.resource(provider, otherCommunityA);
    await ctx.factory.resource(provider, t.streetB);
    await ctx.factory.resource(provider, t.communityB);

    // District staff see all six: only the filter can narrow them to three.
    const all = await sut.list(query({ providerId: provider.id }), staff);
    expect(all.total).toBe(6);
    const covering = await sut.list(query({ coversArea: t.communityA.id }), staff);
    expect(covering.items.map((r) => r.id).sort()).toEqual(
      [districtWide.id, streetA.id, communityA.id].sort(),
    );
    expect(covering.items.every((r) => r.remaining === 10)).toBe(true);
  });

  it('searches title and description (q) and filters by level and form', async () => {
    const t = await ctx.factory.district();
    const staff = await ctx.factory.principal('civil_affairs', t.district);
    const provider = await ctx.factory.provider(t.district);
    const hit = await ctx.factory.resource(provider, t.communityA, {
      title: '喘息服务（测试）',
      description: '照护者短期休息',
    });
    await ctx.factory.resource(provider, t.communityA, { title: '心理疏导（测试）' });
    const byText = await sut.list(query({ q: '休息', coversArea: t.communityA.id }), staff);
    expect(byText.items.map((r) => r.id)).toEqual([hit.id]);
    const wildcard = await sut.list(query({ q: '%', coversArea: t.communityA.id }), staff);
    expect(wildcard.total).toBe(0);
    const byLevel = await sut.list(
      query({ level: 'district', coversArea: t.communityA.id }),
      staff,
    );
    expect(byLevel.total).toBe(0);
  });

  it('holds the capacity CHECK: reserved + delivered can never exceed capacity', async () => {
    const provider = await ctx.factory.provider(tree.district);
    const r = await ctx.factory.resource(provider, tree.communityA);
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
});
