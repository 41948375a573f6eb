import { randomUUID } from 'node:crypto';
import { AreasModule } from '@onedoor/areas';
import { NotificationDispatcher, NotificationsModule } from '@onedoor/notifications';
import { EventOutbox, type OutboxEventInput } from '@onedoor/platform';
import { ResourcesModule } from '@onedoor/resources';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

describe(NotificationDispatcher.name, () => {
  let ctx: ServiceContext;
  let sut: NotificationDispatcher;

  beforeAll(async () => {
    ctx = await startServices([AreasModule, ResourcesModule, NotificationsModule]);
    sut = ctx.get(NotificationDispatcher);
  });
  afterAll(() => ctx.close());

  const emit = (...events: OutboxEventInput[]) =>
    ctx.dataSource.transaction((m) => ctx.get(EventOutbox).emit(m, ...events));
  const recipientsOf = async (entityIds: string[]) =>
    (
      await ctx.dataSource.query(
        `SELECT e.entity_id, n.user_id FROM notification n JOIN outbox_event e ON e.id = n.event_id
          WHERE e.entity_id = ANY($1) ORDER BY e.entity_id, n.user_id`,
        [entityIds],
      )
    ).map((r: { entity_id: string; user_id: string }) => `${r.entity_id}:${r.user_id}`);

  it('shares the work between concurrent dispatchers: every notice once, every event stamped', async () => {
    const user = await ctx.factory.user('assessor', null);
    const ids = Array.from({ length: 60 }, () => randomUUID());
    await emit(
      ...ids.map((entityId): OutboxEventInput => ({
        type: 'household.revisit_due',
        entityType: 'household',
        entityId,
        areaPath: null,
        audience: [{ userIds: [user.id, user.id] }],
        data: {},
      })),
    );
    const pending = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL`,
    );
    // Small batches, three at once: SKIP LOCKED keeps them apart, so no event is taken twice.
    const counts = await Promise.all([1, 2, 3].map(() => sut.dispatchPending(100, 7)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pending[0].n);
    expect(await recipientsOf(ids)).toEqual(ids.sort().map((id) => `${id}:${user.id}`));
    const left = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE entity_id = ANY($1) AND dispatched_at IS NULL`,
      [ids],
    );
    expect(left[0].n).toBe(0);
  });

  it('resolves roles by scope (an admin without an area is unrestricted) and skips inactive users', async () => {
    const d = await ctx.factory.district();
    const streetStaff = await ctx.factory.user('civil_affairs', d.streetA);
    const otherStreet = await ctx.factory.user('civil_affairs', d.streetB);
    const assessor = await ctx.factory.user('assessor', d.streetA);
    const admin = await ctx.factory.user('admin', null);
    const gone = await ctx.factory.user('civil_affairs', d.district);
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [gone.id]);
    // A contracted worker whose access period ended yesterday, and one whose runs to tomorrow.
    const ended = await ctx.factory.user('assessor', d.communityA);
    const running = await ctx.factory.user('assessor', d.communityA);
    await ctx.dataSource.query(
      `UPDATE app_user SET access_until = now() + ($2 || ' days')::interval WHERE id = $1`,
      [ended.id, -1],
    );
    await ctx.dataSource.query(
      `UPDATE app_user SET access_until = now() + ($2 || ' days')::interval WHERE id = $1`,
      [running.id, 1],
    );
    const entityId = randomUUID();
    await emit({
      type: 'proposal.approval_overdue',
      entityType: 'match_proposal',
      entityId,
      areaPath: d.communityA.path,
      audience: [
        { roles: ['civil_affairs', 'admin'], areaPath: d.communityA.path },
        { userIds: [ended.id, running.id] },
      ],
      data: {},
    });
    await sut.dispatchPending();
    const got = await recipientsOf([entityId]);
    expect(got).toContain(`${entityId}:${streetStaff.id}`);
    expect(got).toContain(`${entityId}:${admin.id}`);
    expect(got).toContain(`${entityId}:${running.id}`);
    for (const out of [otherStreet, assessor, gone, ended]) {
      expect(got).not.toContain(`${entityId}:${out.id}`);
    }
  });
});
