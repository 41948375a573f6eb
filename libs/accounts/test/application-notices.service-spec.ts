import { randomInt, randomUUID } from 'node:crypto';
import {
  AccountsModule,
  ApplicationDeadlinesService,
  ProviderApplicationsService,
} from '@onedoor/accounts';
import { Clock } from '@onedoor/platform';
import { usccCheckCharacter } from '@onedoor/resources';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const HOUR = 3_600_000;

function newUscc(): string {
  const base = `5311010${String(randomInt(1e9)).padStart(10, '0')}`.slice(0, 17);
  return base + usccCheckCharacter(base);
}

describe('Organization applications: notices and deadline', () => {
  let ctx: ServiceContext;

  beforeAll(async () => {
    ctx = await startServices([AccountsModule], { SLA_APPLICATION_HOURS: '48' });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const rowsOf = (type: string, id: string) =>
    ctx.dataSource.query<Array<{ audience: unknown; data: Record<string, unknown> }>>(
      `SELECT audience, data FROM outbox_event WHERE type = $1 AND entity_id = $2`,
      [type, id],
    );

  it('tells the home area’s staff of an application, then of it overdue (escalated) once', async () => {
    const tree = await ctx.factory.district();
    const receivedAt = new Date();
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(receivedAt);
    const { id } = await ctx.get(ProviderApplicationsService).apply(
      {
        uscc: newUscc(),
        name: `和平社工 ${randomUUID().slice(0, 6)}`,
        kind: 'social_work_org',
        homeAreaId: tree.communityA.id,
        address: '和平路 1 号',
        contactName: '王芳',
        contactPhone: '13800138000',
        contactEmail: 'wang.fang@example.org',
        username: `org.${randomUUID().slice(0, 8)}`,
      },
      `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    );
    const dueAt = new Date(receivedAt.getTime() + 48 * HOUR).toISOString();
    const [received] = await rowsOf('provider_application.received', id);
    expect(received.audience).toEqual([
      { roles: ['civil_affairs'], areaPath: tree.communityA.path },
    ]);
    expect(received.data).toMatchObject({ applicationId: id, dueAt });
    // The contact person's phone and e-mail stay out of the notice.
    expect(JSON.stringify(received.data)).not.toMatch(/13800138000|wang\.fang/);

    const sweeper = ctx.get(ApplicationDeadlinesService);
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date(receivedAt.getTime() + 47 * HOUR));
    await sweeper.sweep();
    expect(await rowsOf('provider_application.overdue', id)).toEqual([]);

    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date(receivedAt.getTime() + 49 * HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    expect(await rowsOf('provider_application.overdue', id)).toEqual([
      {
        audience: [
          { roles: ['civil_affairs'], areaPath: tree.communityA.path },
          { roles: ['civil_affairs'], areaPath: tree.streetA.path },
        ],
        data: expect.objectContaining({ dueAt, escalatedToAreaId: tree.streetA.id }),
      },
    ]);
    const [row] = await ctx.dataSource.query(
      `SELECT escalated_to_area_id FROM provider_application WHERE id = $1`,
      [id],
    );
    expect(row.escalated_to_area_id).toBe(tree.streetA.id);
  });
});
