import { AwardsService, ProcurementModule } from '@onedoor/procurement';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { bidBody, HOUR, Tenders } from './tender';

describe(AwardsService.name, () => {
  let ctx: ServiceContext;
  let sut: AwardsService;
  let t: Tenders;

  beforeAll(async () => {
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    sut = ctx.get(AwardsService);
    t = new Tenders(ctx);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('refuses a winner’s decline after its deadline (AWARD_RESPONSE_CLOSED); staff then lapse the award', async () => {
    // The clock is moved past respondBy = award time + AWARD_RESPONSE_DAYS.
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const org = await ctx.factory.socialWorkOrg(tree.district);
    const bidId = (await t.bids.submit(p.id, bidBody(800_000), org.principal)).id;
    const panel = await t.evaluators(3);
    await t.setPanel(staff, p.id, panel);
    await t.closeBidding(staff, p);
    await t.evaluateLoneBid(staff, p.id, bidId, panel, 70);
    const awarded = await sut.award(p.id, { bidId, justification: '唯一合格投标' }, staff);
    const respondBy = new Date(awarded.awards[0].respondBy);
    expect(respondBy.getTime() - t.clock.now().getTime()).toBe(
      ctx.config.procurement.awardResponseDays * 24 * HOUR,
    );
    t.setNow(new Date(respondBy.getTime() + 1_000));
    await expect(
      sut.respond(awarded.awards[0].id, 'declined', '太晚了', org.principal),
    ).rejects.toMatchObject({ code: 'AWARD_RESPONSE_CLOSED' });
    // Staff lapse the unanswered award: the project is open for the next-ranked bid.
    const lapsed = await sut.lapse(awarded.awards[0].id, staff);
    expect(lapsed.status).toBe('evaluating');
    expect(lapsed.awards[0]).toMatchObject({
      status: 'declined',
      declineReason: 'no answer by the deadline',
    });
  });
});
