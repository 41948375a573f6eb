import { Clock, type Principal } from '@onedoor/platform';
import {
  ResourceLifecycleService,
  ResourceReviewDeadlinesService,
  ResourcesModule,
  ResourcesService,
} from '@onedoor/resources';
import { type District, resourceInput } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const HOUR = 3_600_000;

describe('Resource review: notices and deadline', () => {
  let ctx: ServiceContext;
  let lifecycle: ResourceLifecycleService;
  let tree: District;
  let staff: Principal;

  beforeAll(async () => {
    ctx = await startServices([ResourcesModule], { SLA_REVIEW_HOURS: '10' });
    lifecycle = ctx.get(ResourceLifecycleService);
    tree = await ctx.factory.district();
    staff = await ctx.factory.principal('civil_affairs', tree.district);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const rowsOf = (id: string) =>
    ctx.dataSource.query<
      Array<{ type: string; provider_id: string; audience: unknown; data: Record<string, unknown> }>
    >(
      `SELECT type, provider_id, audience, data FROM outbox_event WHERE entity_id = $1 ORDER BY id`,
      [id],
    );

  async function submitted() {
    const provider = await ctx.factory.provider(tree.district);
    const owner = await ctx.factory.principal('provider', tree.district, provider.id);
    const r = await ctx.get(ResourcesService).create(resourceInput(tree.communityA), owner);
    await lifecycle.transition(r.id, 'submit', owner);
    return { r, provider, owner };
  }

  it('tells staff of a submission and the provider of its publication or rejection', async () => {
    const { r, provider } = await submitted();
    await lifecycle.transition(r.id, 'publish', staff);
    const rejected = await submitted();
    await lifecycle.transition(rejected.r.id, 'reject', staff, 'photos missing');

    expect(await rowsOf(r.id)).toEqual([
      expect.objectContaining({
        type: 'resource.submitted',
        audience: [{ roles: ['civil_affairs'], areaPath: tree.communityA.path }],
        data: expect.objectContaining({ resourceTitle: r.title, dueAt: expect.any(String) }),
      }),
      expect.objectContaining({
        type: 'resource.published',
        provider_id: provider.id,
        audience: [{ providerId: provider.id }],
      }),
    ]);
    expect((await rowsOf(rejected.r.id))[1]).toMatchObject({
      type: 'resource.rejected',
      audience: [{ providerId: rejected.provider.id }],
      data: { reason: 'photos missing' },
    });
  });

  it('marks a review overdue at its deadline and escalates it once', async () => {
    const submittedAt = new Date();
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(submittedAt);
    const { r } = await submitted();
    const sweeper = ctx.get(ResourceReviewDeadlinesService);
    const overdue = async () =>
      (await rowsOf(r.id)).filter((e) => e.type === 'resource.review_overdue');

    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date(submittedAt.getTime() + 9 * HOUR));
    await sweeper.sweep();
    expect(await overdue()).toEqual([]);

    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date(submittedAt.getTime() + 11 * HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    expect(await overdue()).toEqual([
      expect.objectContaining({
        audience: [
          { roles: ['civil_affairs'], areaPath: tree.communityA.path },
          { roles: ['civil_affairs'], areaPath: tree.streetA.path },
        ],
        data: expect.objectContaining({
          dueAt: new Date(submittedAt.getTime() + 10 * HOUR).toISOString(),
          escalatedToAreaId: tree.streetA.id,
        }),
      }),
    ]);
  });
});
