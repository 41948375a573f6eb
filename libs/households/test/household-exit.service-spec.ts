import { HouseholdEntity, HouseholdExitService, HouseholdsModule } from '@onedoor/households';
import { AuditLogRepository, PageQueryDto, Clock } from '@onedoor/platform';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const DAY = 86_400_000;

describe(HouseholdExitService.name, () => {
  let ctx: ServiceContext;
  let sut: HouseholdExitService;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(HouseholdExitService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('exits the exiting households whose grace has ended, audited, and leaves the others', async () => {
    const now = new Date();
    const ended = await ctx.factory.household({
      tier: 'subsistence',
      status: 'exiting',
      graceEndsAt: new Date(now.getTime() - DAY),
    });
    const inGrace = await ctx.factory.household({
      tier: 'subsistence',
      status: 'exiting',
      graceEndsAt: new Date(now.getTime() + 30 * DAY),
    });
    const active = await ctx.factory.household({ tier: 'low_income' });

    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(now);
    expect(await sut.completeExits()).toBeGreaterThanOrEqual(1);
    const repo = ctx.dataSource.getRepository(HouseholdEntity);
    expect(await repo.findOneByOrFail({ id: ended.id })).toMatchObject({
      status: 'exited',
      tier: null,
      circle: null,
      nextRevisitAt: null,
    });
    expect(await repo.findOneByOrFail({ id: inGrace.id })).toMatchObject({
      status: 'exiting',
      tier: 'subsistence',
      circle: 1,
    });
    expect(await repo.findOneByOrFail({ id: active.id })).toMatchObject({
      status: 'active',
      tier: 'low_income',
      circle: 2,
    });
    const [audit] = await ctx
      .get(AuditLogRepository)
      .listForEntity('household', ended.id, new PageQueryDto());
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ['exit', 'exiting', 'exited', null],
    ]);
  });
});
