import { randomUUID } from 'node:crypto';
import { EventOutbox, type OutboxEventInput } from '@onedoor/platform';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

describe(EventOutbox.name, () => {
  let ctx: ServiceContext;
  let sut: EventOutbox;

  beforeAll(async () => {
    ctx = await startServices([]);
    sut = ctx.get(EventOutbox);
  });
  afterAll(() => ctx.close());

  const event = (entityId: string, over: Partial<OutboxEventInput> = {}): OutboxEventInput => ({
    type: 'referral.accept_due_soon',
    entityType: 'referral',
    entityId,
    areaPath: '/a/b/',
    providerId: null,
    audience: [{ roles: ['civil_affairs'], areaPath: '/a/b/' }],
    data: { title: '助浴服务' },
    ...over,
  });
  const rowsOf = (entityId: string) =>
    ctx.dataSource.query(
      `SELECT type, audience, data, dispatched_at FROM outbox_event WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  it('writes events with the caller’s transaction: none when it rolls back', async () => {
    const id = randomUUID();
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        await sut.emit(manager, event(id));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await rowsOf(id)).toEqual([]);

    await ctx.dataSource.transaction((manager) => sut.emit(manager, event(id), event(id)));
    expect(await rowsOf(id)).toEqual([
      {
        type: 'referral.accept_due_soon',
        audience: [{ roles: ['civil_affairs'], areaPath: '/a/b/' }],
        data: { title: '助浴服务' },
        dispatched_at: null,
      },
      expect.objectContaining({ type: 'referral.accept_due_soon' }),
    ]);
  });

  it('writes a deduplicated event once, however often a sweep emits it', async () => {
    const id = randomUUID();
    const once = event(id, { dedupKey: `accept_due_soon:${id}` });
    await ctx.dataSource.transaction((manager) => sut.emit(manager, once, once));
    await ctx.dataSource.transaction((manager) => sut.emit(manager, once));
    expect(await rowsOf(id)).toHaveLength(1);
  });
});
