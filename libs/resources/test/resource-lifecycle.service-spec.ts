import type { AreaEntity } from '@onedoor/areas';
import { PageQueryDto, type Principal } from '@onedoor/platform';
import {
  HsdsExportService,
  ProvidersService,
  ResourceEntity,
  ResourceLifecycleService,
  ResourcesModule,
  ResourcesService,
} from '@onedoor/resources';
import { type District, resourceInput } from '../../../tests/factories';
import { allHsdsServices } from './hsds-pages';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const page = Object.assign(new PageQueryDto(), { limit: 100 });

describe(ResourceLifecycleService.name, () => {
  let ctx: ServiceContext;
  let sut: ResourceLifecycleService;
  let resources: ResourcesService;
  let tree: District;
  let districtStaff: Principal;

  beforeAll(async () => {
    ctx = await startServices([ResourcesModule]);
    sut = ctx.get(ResourceLifecycleService);
    resources = ctx.get(ResourcesService);
    tree = await ctx.factory.district();
    districtStaff = await ctx.factory.principal('civil_affairs', tree.district);
  });
  afterAll(() => ctx.close());

  async function providerUser(over: Parameters<ServiceContext['factory']['provider']>[1] = {}) {
    const provider = await ctx.factory.provider(tree.district, over);
    return { provider, owner: await ctx.factory.principal('provider', tree.district, provider.id) };
  }

  /** Created by its owner and submitted for review. */
  async function submitted(owner: Principal, area: AreaEntity, over = {}) {
    const r = await resources.create(resourceInput(area, over), owner);
    await sut.transition(r.id, 'submit', owner);
    return r;
  }

  it('lets a street officer see but not publish a resource covering the whole district', async () => {
    const { owner } = await providerUser();
    const r = await submitted(owner, tree.district, { serviceLevel: 'district' });
    const streetA = await ctx.factory.principal('civil_affairs', tree.streetA);
    expect((await resources.get(r.id, streetA)).id).toBe(r.id);
    await expect(sut.transition(r.id, 'publish', streetA)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses to publish for a provider that is not verified', async () => {
    const { owner } = await providerUser({ verification: 'pending' });
    const r = await submitted(owner, tree.communityA);
    await expect(sut.transition(r.id, 'publish', districtStaff)).rejects.toMatchObject({
      code: 'PROVIDER_NOT_VERIFIED',
    });
  });

  it('needs a reason to reject, and a rejected resource returns to draft', async () => {
    const { owner } = await providerUser();
    const r = await submitted(owner, tree.communityA);
    await expect(sut.transition(r.id, 'reject', districtStaff)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'reason', constraint: 'required', message: 'is required' }],
    });
    const rejected = await sut.transition(r.id, 'reject', districtStaff, '覆盖范围有误');
    expect(rejected).toMatchObject({ status: 'draft', statusReason: '覆盖范围有误' });
  });

  it('closes resources past their validity, audited as expired', async () => {
    const { provider, owner } = await providerUser();
    // Its last day passed while it was published (publishing a lapsed resource is refused).
    const r = await ctx.factory.resource(provider, tree.communityA, {
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
    });
    expect((await sut.transition(r.id, 'pause', owner)).status).toBe('paused');
    await expect(sut.transition(r.id, 'resume', owner)).rejects.toMatchObject({
      code: 'RESOURCE_INVALID_TRANSITION',
    });
    const current = await ctx.factory.resource(provider, tree.communityA);
    expect(await sut.expireDue()).toBeGreaterThanOrEqual(1);
    const repo = ctx.dataSource.getRepository(ResourceEntity);
    expect(await repo.findOneByOrFail({ id: r.id })).toMatchObject({
      status: 'closed',
      statusReason: 'expired',
    });
    expect((await repo.findOneByOrFail({ id: current.id })).status).toBe('published');
    const audit = await resources.history(r.id, page, districtStaff);
    expect(audit.items.at(-1)).toMatchObject({
      action: 'expire',
      fromState: 'paused',
      toState: 'closed',
      actorId: null,
    });
  });

  it('lets only staff resume a resource staff paused', async () => {
    const { provider, owner } = await providerUser();
    const r = await ctx.factory.resource(provider, tree.communityA);
    await sut.transition(r.id, 'pause', districtStaff, '投诉核查中');
    await expect(sut.transition(r.id, 'resume', owner)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await sut.transition(r.id, 'resume', districtStaff)).status).toBe('published');
    // A provider's own pause, the provider may lift.
    await sut.transition(r.id, 'pause', owner);
    expect((await sut.transition(r.id, 'resume', owner)).status).toBe('published');
  });

  it("stops offering a suspended provider's resources, and shows history to its own users", async () => {
    const { provider, owner } = await providerUser();
    const r = await submitted(owner, tree.communityA);
    await sut.transition(r.id, 'publish', districtStaff);
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    expect((await resources.get(r.id, assessor)).id).toBe(r.id);
    const history = await resources.history(r.id, page, owner);
    expect(history.items.map((a) => a.action)).toEqual(['create', 'submit', 'publish']);

    await ctx
      .get(ProvidersService)
      .verify(provider.id, { status: 'suspended', reason: '年检未通过' }, districtStaff);
    await expect(resources.get(r.id, assessor)).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    expect((await allHsdsServices(ctx.get(HsdsExportService))).map((s) => s.id)).not.toContain(
      r.id,
    );
  });
});
