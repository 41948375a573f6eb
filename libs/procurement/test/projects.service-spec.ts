import { AwardsService, ProcurementModule, ProjectsService } from '@onedoor/procurement';
import { PROJECT_CRITERIA } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { HOUR, Tenders } from './tender';

describe(ProjectsService.name, () => {
  let ctx: ServiceContext;
  let sut: ProjectsService;
  let t: Tenders;

  beforeAll(async () => {
    // No minimum bidding period, so tenders close within a test; one test sets it.
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    sut = ctx.get(ProjectsService);
    t = new Tenders(ctx);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('refuses criteria whose weights do not sum to 100, naming the sum, and a missing required one', async () => {
    const { tree, staff } = await t.world();
    const off = await t
      .draft(staff, tree.district, {
        criteria: PROJECT_CRITERIA.map((c) => (c.code === 'price' ? { ...c, weight: 25 } : c)),
      })
      .catch((e: unknown) => e);
    expect(off).toMatchObject({ code: 'CRITERIA_INVALID', details: { sum: 95 } });
    expect((off as Error).message).toContain('weights sum to 95, not 100');
    // Short lists are the DTO's 400 over HTTP; the service checks the required codes itself.
    await expect(
      t.draft(staff, tree.district, { criteria: [{ code: 'price', name: '价格', weight: 100 }] }),
    ).rejects.toMatchObject({
      code: 'CRITERIA_INVALID',
      details: {
        missing: [
          'professional_qualification',
          'internal_governance',
          'human_resources',
          'service_proposal',
        ],
      },
    });
  });

  it('publishing freezes criteria and weights: a later change is PROJECT_NOT_EDITABLE', async () => {
    const { tree, staff } = await t.world();
    const p = await t.draft(staff, tree.district);
    const reweighted = PROJECT_CRITERIA.map((c) =>
      c.code === 'price'
        ? { ...c, weight: 40 }
        : c.code === 'service_proposal'
          ? { ...c, weight: 15 }
          : c,
    );
    const edited = await sut.update(p.id, { criteria: reweighted }, staff);
    expect(edited.criteria.find((c) => c.code === 'price')!.weight).toBe(40);
    await sut.publish(p.id, new Date(Date.now() + HOUR), staff);
    await expect(sut.update(p.id, { criteria: PROJECT_CRITERIA }, staff)).rejects.toMatchObject({
      code: 'PROJECT_NOT_EDITABLE',
      details: { status: 'published' },
    });
    const after = await sut.get(p.id, staff);
    expect(after.criteria).toEqual(reweighted);
    expect(after.history.map((h) => h.action)).toEqual(['create', 'update', 'publish']);
  });

  it('refuses an illegal transition with PROJECT_INVALID_TRANSITION and the current state', async () => {
    const { tree, staff } = await t.world();
    const p = await t.draft(staff, tree.district);
    const awards = ctx.get(AwardsService);
    for (const step of [
      () => sut.startEvaluation(p.id, staff),
      () => sut.closeBidding(p.id, staff),
      () => awards.award(p.id, { bidId: p.id, justification: '最优' }, staff),
    ]) {
      await expect(step()).rejects.toMatchObject({
        code: 'PROJECT_INVALID_TRANSITION',
        details: { status: 'draft' },
      });
    }
    await sut.cancel(p.id, '预算调整', staff);
    await expect(sut.publish(p.id, new Date(Date.now() + HOUR), staff)).rejects.toMatchObject({
      code: 'PROJECT_INVALID_TRANSITION',
      details: { status: 'cancelled' },
    });
  });

  it('needs closesAt in the future and at least the minimum period ahead', async () => {
    const { tree, staff } = await t.world();
    const p = await t.draft(staff, tree.district);
    await expect(sut.publish(p.id, new Date(Date.now() - 1_000), staff)).rejects.toMatchObject({
      code: 'BIDDING_PERIOD_TOO_SHORT',
    });
    ctx.config.procurement.minBiddingHours = 24;
    try {
      await expect(
        sut.publish(p.id, new Date(Date.now() + 23 * HOUR), staff),
      ).rejects.toMatchObject({ code: 'BIDDING_PERIOD_TOO_SHORT' });
      const published = await sut.publish(p.id, new Date(Date.now() + 25 * HOUR), staff);
      expect(published.status).toBe('published');
    } finally {
      ctx.config.procurement.minBiddingHours = 0;
    }
  });

  it('lets staff close bidding only after closesAt; with no bids the project fails', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    await expect(sut.closeBidding(p.id, staff)).rejects.toMatchObject({
      code: 'BIDDING_STILL_OPEN',
    });
    const closed = await t.closeBidding(staff, p);
    expect(closed).toMatchObject({ status: 'failed' });
    expect(closed.closesAt).toBe(p.closesAt);
  });
});
