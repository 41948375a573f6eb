import { AuditLogRepository, PageQueryDto } from '@onedoor/platform';
import { ProvidersService, ResourcesModule } from '@onedoor/resources';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

describe(ProvidersService.name, () => {
  let ctx: ServiceContext;
  let sut: ProvidersService;

  beforeAll(async () => {
    ctx = await startServices([ResourcesModule]);
    sut = ctx.get(ProvidersService);
  });
  afterAll(() => ctx.close());

  it('registers providers pending, verified by staff of their area with an audited reason', async () => {
    const tree = await ctx.factory.district();
    const districtStaff = await ctx.factory.principal('civil_affairs', tree.district);
    const created = await sut.create(
      {
        kind: 'social_work_org',
        name: '阳光社工',
        uscc: '51110000500000712A',
        homeAreaId: tree.streetA.id,
      },
      districtStaff,
    );
    expect(created.verification).toBe('pending');
    const streetB = await ctx.factory.principal('civil_affairs', tree.streetB);
    await expect(
      sut.verify(created.id, { status: 'verified', reason: 'x' }, streetB),
    ).rejects.toMatchObject({ code: 'PROVIDER_NOT_FOUND' });
    const verified = await sut.verify(
      created.id,
      { status: 'verified', reason: '登记证书有效' },
      districtStaff,
    );
    expect(verified.verification).toBe('verified');
    const [audit] = await ctx
      .get(AuditLogRepository)
      .listForEntity('provider', created.id, new PageQueryDto());
    expect(audit[1]).toMatchObject({
      action: 'verify',
      fromState: 'pending',
      toState: 'verified',
      reason: '登记证书有效',
    });
    await expect(
      sut.create(
        { kind: 'charity', name: '重复', uscc: '51110000500000712A', homeAreaId: tree.district.id },
        districtStaff,
      ),
    ).rejects.toMatchObject({ code: 'PROVIDER_USCC_TAKEN' });
  });
});
