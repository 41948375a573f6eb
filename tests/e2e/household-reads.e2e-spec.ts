import type { AreaEntity } from '@onedoor/areas';
import { todayInChina } from '@onedoor/platform';
import { startApi, type TestContext } from './support/test-app';

interface Read {
  userId: string;
  userName: string;
  role: string;
  householdId: string;
  householdName: string | null;
  communityName: string;
  page: string;
  at: string;
}

describe('Access log of household reads (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const users: Record<string, { id: string; username: string; token: string }> = {};
  let householdA: string;
  let householdB: string;

  const newUser = async (
    name: string,
    role: Parameters<TestContext['newUser']>[0],
    area: AreaEntity,
  ) => {
    const u = await ctx.newUser(role, area);
    users[name] = { ...u, token: `Bearer ${await ctx.login(u.username)}` };
  };
  const get = (name: string, url: string) =>
    ctx.http.get(url).set('Authorization', users[name].token);

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    await newUser('assessorA', 'assessor', d.communityA);
    await newUser('staffA', 'civil_affairs', d.streetA);
    await newUser('staffB', 'civil_affairs', d.streetB);
    householdA = (await ctx.factory.household({ community: d.communityA })).id;
    householdB = (await ctx.factory.household({ community: d.communityB })).id;
  });
  afterAll(() => ctx.close());

  const readsOf = async (householdId: string) =>
    (await ctx.dataSource.query(
      `SELECT user_id AS "userId", role, page FROM household_read WHERE household_id = $1 ORDER BY at`,
      [householdId],
    )) as Array<{ userId: string; role: string; page: string }>;

  it('records who read a household record, in which role, from which page', async () => {
    const before = (await readsOf(householdA)).length;
    await get('assessorA', `/api/households/${householdA}`)
      .set('X-OneDoor-Page', `/households/${householdA}`)
      .expect(200);
    await get('staffA', `/api/households/${householdA}`).expect(200);
    const rows = (await readsOf(householdA)).slice(before);
    expect(rows).toEqual([
      { userId: users.assessorA.id, role: 'assessor', page: `/households/${householdA}` },
      { userId: users.staffA.id, role: 'civil_affairs', page: 'api' },
    ]);
  });

  it('records no read when the record was not shown (404 outside the area)', async () => {
    const before = (await readsOf(householdB)).length;
    await get('assessorA', `/api/households/${householdB}`).expect(404);
    expect(await readsOf(householdB)).toHaveLength(before);
  });

  it("lists a household's reads, newest first, to its area's staff only", async () => {
    await get('assessorA', `/api/households/${householdA}`)
      .set('X-OneDoor-Page', '/cases/abc')
      .expect(200);
    const res = await get('staffA', `/api/households/${householdA}/reads`).expect(200);
    const items = res.body.items as Read[];
    expect(res.body.total).toBe(items.length);
    expect(items[0]).toMatchObject({
      userId: users.assessorA.id,
      userName: users.assessorA.username,
      role: 'assessor',
      householdId: householdA,
      householdName: '成员1',
      communityName: d.communityA.name,
      page: '/cases/abc',
    });
    const times = items.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    // A page past the end still says how many there are.
    const past = await get('staffA', `/api/households/${householdA}/reads?page=50`).expect(200);
    expect(past.body).toMatchObject({ items: [], page: 50, total: res.body.total });
    await get('staffB', `/api/households/${householdA}/reads`).expect(404);
    await get('assessorA', `/api/households/${householdA}/reads`).expect(403);
  });

  it('filters the access log by reader and day, within the caller’s area', async () => {
    await newUser('staffB2', 'civil_affairs', d.streetB);
    await get('staffB2', `/api/households/${householdB}`).set('X-OneDoor-Page', '/x').expect(200);
    await get('assessorA', `/api/households/${householdA}`).expect(200);

    const byAssessor = await get(
      'staffA',
      `/api/access-log?userId=${users.assessorA.id}&limit=100`,
    ).expect(200);
    const items = byAssessor.body.items as Read[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((r) => r.userId === users.assessorA.id)).toBe(true);

    // Street A's staff do not see reads of street B's households, and the reverse.
    const a = (await get('staffA', '/api/access-log?limit=100').expect(200)).body.items as Read[];
    expect(a.some((r) => r.householdId === householdB)).toBe(false);
    const b = (await get('staffB', '/api/access-log?limit=100').expect(200)).body.items as Read[];
    expect(b.map((r) => r.householdId)).toEqual(b.map(() => householdB));
    expect(b.some((r) => r.userId === users.staffB2.id)).toBe(true);

    const today = todayInChina(new Date());
    const yesterday = todayInChina(new Date(Date.now() - 24 * 3600_000));
    const todays = await get(
      'staffA',
      `/api/access-log?userId=${users.assessorA.id}&from=${today}&to=${today}`,
    ).expect(200);
    expect(todays.body.total).toBe(byAssessor.body.total);
    const before = await get(
      'staffA',
      `/api/access-log?userId=${users.assessorA.id}&to=${yesterday}`,
    ).expect(200);
    expect(before.body).toMatchObject({ items: [], total: 0 });
    await get('staffA', '/api/access-log?from=2026-13-01').expect(400);
  });
});
