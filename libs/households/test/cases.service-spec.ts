import {
  CaseQueryDto,
  CasesService,
  HouseholdsModule,
  HouseholdsService,
} from '@onedoor/households';
import type { Principal } from '@onedoor/platform';
import { type District, householdInput } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const query = (q: Partial<CaseQueryDto> = {}) =>
  Object.assign(new CaseQueryDto(), { page: 1, limit: 100, ...q });

describe(CasesService.name, () => {
  let ctx: ServiceContext;
  let sut: CasesService;
  let households: HouseholdsService;
  let tree: District;
  let assessorA: Principal;
  let assessorA2: Principal;
  let staffA: Principal;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(CasesService);
    households = ctx.get(HouseholdsService);
    tree = await ctx.factory.district();
    assessorA = await ctx.factory.principal('assessor', tree.streetA);
    assessorA2 = await ctx.factory.principal('assessor', tree.communityA);
    staffA = await ctx.factory.principal('civil_affairs', tree.streetA);
  });
  afterAll(() => ctx.close());

  const register = (by: Principal = assessorA) =>
    households.register(householdInput(tree.communityA), by);

  it('opens a case at registration, assigned to the registering assessor', async () => {
    const household = await register();
    const sutCase = await sut.ofHousehold(household.id, assessorA);
    expect(sutCase).toMatchObject({
      householdId: household.id,
      status: 'open',
      adviserId: assessorA.userId,
      openedBy: assessorA.userId,
      version: 1,
    });
    const mine = await sut.list(query({ assignedTo: 'me' }), assessorA);
    expect(mine.items.map((c) => c.id)).toContain(sutCase.id);
    const [audit] = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'case' AND entity_id = $1`,
      [sutCase.id],
    );
    expect(audit).toEqual({ action: 'open' });
  });

  it('opens an unassigned case when civil-affairs staff register the household', async () => {
    const household = await register(staffA);
    expect(await sut.ofHousehold(household.id, staffA)).toMatchObject({
      status: 'open',
      adviserId: null,
    });
  });

  it('opens the case of a household written without one on its first read', async () => {
    const household = await ctx.factory.household({ community: tree.communityA });
    const [first, second] = await Promise.all([
      sut.ofHousehold(household.id, staffA),
      sut.ofHousehold(household.id, staffA),
    ]);
    expect(first.id).toBe(second.id);
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM household_case WHERE household_id = $1`,
      [household.id],
    );
    expect(n).toBe(1);
  });

  it('closes with a reason, then reopens the same case', async () => {
    const opened = await sut.ofHousehold((await register()).id, assessorA);
    const closed = await sut.close(
      opened.id,
      { reason: 'moved_away', note: '迁往外省', version: opened.version },
      assessorA,
    );
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'moved_away' });
    await expect(
      sut.close(opened.id, { reason: 'refused', version: closed.version }, assessorA),
    ).rejects.toMatchObject({ code: 'CASE_STATE_CONFLICT' });
    const reopened = await sut.reopen(
      opened.id,
      { reason: '家庭返回本社区', version: closed.version },
      assessorA,
    );
    expect(reopened).toMatchObject({
      status: 'open',
      closeReason: null,
      adviserId: assessorA.userId,
    });
  });

  it('of two reopenings sent at once, exactly one wins and the other is 409', async () => {
    const household = await register();
    const first = await sut.ofHousehold(household.id, assessorA);
    await sut.close(first.id, { reason: 'refused', version: first.version }, assessorA);
    // A second, older closed case of the same household.
    await ctx.dataSource.query(
      `INSERT INTO household_case (household_id, status, opened_at, closed_at, close_reason)
       VALUES ($1, 'closed', now() - interval '2 years', now() - interval '1 year', 'exited')`,
      [household.id],
    );
    const [older] = await ctx.dataSource.query(
      `SELECT id, version FROM household_case WHERE household_id = $1 AND id <> $2`,
      [household.id, first.id],
    );
    const closedFirst = await sut.get(first.id, assessorA);
    const results = await Promise.allSettled([
      sut.reopen(first.id, { reason: 'a', version: closedFirst.version }, assessorA),
      sut.reopen(older.id, { reason: 'b', version: older.version }, assessorA),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'CASE_ALREADY_OPEN' });
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM household_case WHERE household_id = $1 AND status = 'open'`,
      [household.id],
    );
    expect(n).toBe(1);
  });

  it('of two hand-overs sent at once from the same version, exactly one wins', async () => {
    const opened = await sut.ofHousehold((await register()).id, assessorA);
    const other = await ctx.factory.principal('assessor', tree.communityA);
    const results = await Promise.allSettled([
      sut.handover(
        opened.id,
        { adviserId: assessorA2.userId, reason: '调岗', version: opened.version },
        staffA,
      ),
      sut.handover(
        opened.id,
        { adviserId: other.userId, reason: '调岗', version: opened.version },
        staffA,
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'STALE_VERSION' });
    const after = await sut.get(opened.id, staffA);
    expect(after.version).toBe(opened.version + 1);
    expect(after.assignments).toHaveLength(2); // the registration's, then the one hand-over
  });

  it('hands over: history row, audit row and one outbox event for both advisers and the street', async () => {
    const opened = await sut.ofHousehold((await register()).id, assessorA);
    const moved = await sut.handover(
      opened.id,
      { adviserId: assessorA2.userId, reason: '原顾问调岗', version: opened.version },
      assessorA,
    );
    expect(moved).toMatchObject({ adviserId: assessorA2.userId, version: opened.version + 1 });
    expect(moved.assignments!.at(-1)).toMatchObject({
      fromAdviserId: assessorA.userId,
      toAdviserId: assessorA2.userId,
      reason: '原顾问调岗',
      byUserId: assessorA.userId,
    });
    expect(
      (await sut.list(query({ assignedTo: 'me' }), assessorA2)).items.map((c) => c.id),
    ).toContain(opened.id);
    expect(
      (await sut.list(query({ assignedTo: 'me' }), assessorA)).items.map((c) => c.id),
    ).not.toContain(opened.id);
    const events = await ctx.dataSource.query(
      `SELECT audience, data FROM outbox_event WHERE type = 'case.handed_over' AND entity_id = $1`,
      [opened.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].audience).toEqual([
      { userIds: [assessorA.userId, assessorA2.userId] },
      { roles: ['civil_affairs'], areaPath: tree.streetA.path },
    ]);
    expect(events[0].data).toMatchObject({ reason: '原顾问调岗', householdId: opened.householdId });
    const audits = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'case' AND entity_id = $1 ORDER BY at`,
      [opened.id],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['open', 'handover']);
  });

  it('refuses an adviser who is not an active assessor covering the household', async () => {
    const opened = await sut.ofHousehold((await register()).id, assessorA);
    const elsewhere = await ctx.factory.principal('assessor', tree.streetB);
    const staffB = await ctx.factory.principal('civil_affairs', tree.streetA);
    for (const [adviserId, problem] of [
      [elsewhere.userId, 'out_of_area'],
      [staffB.userId, 'not_assessor'],
      ['00000000-0000-4000-8000-000000000000', 'not_active'],
      [assessorA.userId, 'same_adviser'],
    ]) {
      await expect(
        sut.handover(opened.id, { adviserId, reason: 'x', version: opened.version }, staffA),
      ).rejects.toMatchObject({ code: 'CASE_ADVISER_INVALID', details: { problem } });
    }
    expect(await sut.get(opened.id, staffA)).toMatchObject({ adviserId: assessorA.userId });
  });

  it('hides cases outside the caller’s area', async () => {
    const opened = await sut.ofHousehold((await register()).id, assessorA);
    const outsider = await ctx.factory.principal('assessor', tree.streetB);
    await expect(sut.get(opened.id, outsider)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect((await sut.list(query(), outsider)).items.map((c) => c.id)).not.toContain(opened.id);
  });
});
