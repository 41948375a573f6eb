import { BidsService, ProcurementModule, ProjectsService } from '@onedoor/procurement';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { bidBody, HOUR, Tenders } from './tender';

describe(BidsService.name, () => {
  let ctx: ServiceContext;
  let sut: BidsService;
  let t: Tenders;

  beforeAll(async () => {
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    sut = ctx.get(BidsService);
    t = new Tenders(ctx);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('keeps one live bid per organization: of two concurrent submissions one is BID_ALREADY_SUBMITTED', async () => {
    const { tree } = await t.world();
    // Written directly: the race is about the bids, not the tender's lifecycle.
    const p = await ctx.factory.project(tree.district, {
      status: 'published',
      publishedAt: new Date(),
      closesAt: new Date(Date.now() + HOUR),
    });
    const org = await ctx.factory.socialWorkOrg(tree.district);
    // Each submission runs its own transaction, on its own pooled connection, at the same time.
    const results = await Promise.allSettled([
      sut.submit(p.id, bidBody(800_000), org.principal),
      sut.submit(p.id, bidBody(800_000), org.principal),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'BID_ALREADY_SUBMITTED' });
    const list = await sut.list(p.id, org.principal);
    expect(list.count).toBe(1);
    expect(list.bids).toHaveLength(1);
  });

  it('replace keeps the old version; withdraw frees the slot; after close bids are immutable', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const { principal: org } = await ctx.factory.socialWorkOrg(tree.district);
    const first = await sut.submit(p.id, bidBody(800_000), org);
    const second = await sut.replace(first.id, bidBody(750_000), org);
    expect(second).toMatchObject({
      replacesId: first.id,
      priceFen: 750_000,
      status: 'submitted',
    });
    const own = await sut.list(p.id, org);
    expect(own.bids.map((b) => b.status).sort()).toEqual(['replaced', 'submitted']);
    await sut.withdraw(second.id, org);
    const third = await sut.submit(p.id, bidBody(700_000), org);

    await t.closeBidding(staff, p);
    for (const step of [
      () => sut.replace(third.id, bidBody(600_000), org),
      () => sut.withdraw(third.id, org),
      () => sut.submit(p.id, bidBody(800_000), org),
    ]) {
      await expect(step()).rejects.toMatchObject({ code: 'BIDDING_NOT_OPEN' });
    }
  });

  it('seals bids until close: staff, the panel and other bidders get the count only; then they read them', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const a = await ctx.factory.socialWorkOrg(tree.district);
    const b = await ctx.factory.socialWorkOrg(tree.district);
    const bidA = await sut.submit(p.id, bidBody(810_000), a.principal);
    const bidB = await sut.submit(p.id, bidBody(820_000), b.principal);
    const panel = await t.evaluators(3);
    await t.setPanel(staff, p.id, panel);

    for (const reader of [staff, panel[0]]) {
      expect(await sut.list(p.id, reader)).toEqual({ sealed: true, count: 2, bids: [] });
      await expect(sut.get(bidA.id, reader)).rejects.toMatchObject({ code: 'BID_SEALED' });
    }
    const seenByB = await sut.list(p.id, b.principal);
    expect(seenByB).toMatchObject({ sealed: true, count: 2 });
    expect(seenByB.bids.map((x) => x.id)).toEqual([bidB.id]);
    await expect(sut.get(bidA.id, b.principal)).rejects.toMatchObject({ code: 'BID_SEALED' });
    // The project itself shows the count only, to everyone.
    expect((await ctx.get(ProjectsService).get(p.id, b.principal)).bidCount).toBe(2);

    await t.closeBidding(staff, p);
    for (const reader of [staff, panel[0], b.principal]) {
      const opened = await sut.list(p.id, reader);
      expect(opened.sealed).toBe(false);
      expect(opened.bids.map((x) => x.priceFen).sort()).toEqual([810_000, 820_000]);
      expect((await sut.get(bidA.id, reader)).proposal).toBe('服务方案，报价 810000 分');
    }
    // An organization that did not bid still does not read them.
    const outsider = await ctx.factory.socialWorkOrg(tree.district);
    await expect(sut.list(p.id, outsider.principal)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the bids of a tender cancelled during bidding sealed', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const a = await ctx.factory.socialWorkOrg(tree.district);
    const b = await ctx.factory.socialWorkOrg(tree.district);
    const bidA = await sut.submit(p.id, bidBody(800_000), a.principal);
    await sut.submit(p.id, bidBody(800_000), b.principal);
    await ctx.get(ProjectsService).cancel(p.id, '需求变更', staff);
    for (const reader of [staff, b.principal]) {
      const list = await sut.list(p.id, reader);
      expect(list.sealed).toBe(true);
      expect(list.bids.some((x) => x.id === bidA.id)).toBe(false);
      await expect(sut.get(bidA.id, reader)).rejects.toMatchObject({ code: 'BID_SEALED' });
    }
  });
});
