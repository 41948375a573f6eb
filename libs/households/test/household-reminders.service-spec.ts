import { HouseholdRemindersService, HouseholdsModule } from '@onedoor/households';
import { Clock } from '@onedoor/platform';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { assessedHousehold } from './assess';

const DAY = 86_400_000;

describe(HouseholdRemindersService.name, () => {
  let ctx: ServiceContext;
  let sut: HouseholdRemindersService;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(HouseholdRemindersService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const rowsOf = (type: string, householdId: string) =>
    ctx.dataSource.query<Array<{ audience: unknown; data: Record<string, unknown> }>>(
      `SELECT audience, data FROM outbox_event WHERE type = $1 AND entity_id = $2`,
      [type, householdId],
    );
  const at = (when: Date) => jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(when);

  it('reminds the assessor of a revisit a week ahead and of a grace period ending, once each', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const { household } = await assessedHousehold(ctx, assessor, tree.communityA);
    const [{ next_revisit_at: revisit }] = await ctx.dataSource.query<
      Array<{ next_revisit_at: Date }>
    >(`SELECT next_revisit_at FROM household WHERE id = $1`, [household.id]);

    at(new Date(revisit.getTime() - 8 * DAY));
    await sut.sweep();
    expect(await rowsOf('household.revisit_due', household.id)).toEqual([]);

    at(new Date(revisit.getTime() - 6 * DAY));
    await sut.sweep();
    await sut.sweep();
    const revisitRows = await rowsOf('household.revisit_due', household.id);
    expect(revisitRows).toEqual([
      {
        audience: [{ userIds: [assessor.userId] }],
        data: {
          householdId: household.id,
          headName: expect.any(String),
          communityName: tree.communityA.name,
          dueAt: revisit.toISOString(),
        },
      },
    ]);

    // Exiting: its grace period ends in 30 days; reminded from 7 days before, once.
    const graceEnds = new Date(Date.now() + 30 * DAY);
    await ctx.dataSource.query(
      `UPDATE household SET status = 'exiting', grace_ends_at = $2 WHERE id = $1`,
      [household.id, graceEnds],
    );
    at(new Date(graceEnds.getTime() - 8 * DAY));
    await sut.sweep();
    expect(await rowsOf('household.grace_ending', household.id)).toEqual([]);
    at(new Date(graceEnds.getTime() - 2 * DAY));
    await sut.sweep();
    await sut.sweep();
    expect(await rowsOf('household.grace_ending', household.id)).toEqual([
      {
        audience: [{ userIds: [assessor.userId] }],
        data: expect.objectContaining({ dueAt: graceEnds.toISOString() }),
      },
    ]);
  });
});
