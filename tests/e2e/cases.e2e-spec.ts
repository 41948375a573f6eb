import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

interface Notice {
  entityId: string;
  type: string;
  title: string;
}

describe('Cases (e2e)', () => {
  withMatcher();
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const users: Record<string, { id: string; token: string }> = {};

  const newUser = async (
    name: string,
    role: Parameters<TestContext['newUser']>[0],
    area: Parameters<TestContext['newUser']>[1],
  ) => {
    const u = await ctx.newUser(role, area);
    users[name] = { id: u.id, token: `Bearer ${await ctx.login(u.username)}` };
  };

  const as = (name: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', users[name].token),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', users[name].token).send(body),
  });

  const caseload = async (name: string) =>
    (await as(name).get('/api/cases?assignedTo=me&status=open&limit=100').expect(200)).body as {
      items: Array<{ id: string; householdId: string; adviserId: string | null }>;
      total: number;
    };

  const noticeOf = (name: string, entityId: string) =>
    eventually(
      async () =>
        ((await as(name).get('/api/notifications?limit=100')).body.items as Notice[]).find(
          (n) => n.entityId === entityId,
        ),
      15_000,
      `${name}'s notice of ${entityId}`,
    );

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    await newUser('adviserA', 'assessor', d.streetA);
    await newUser('adviserA2', 'assessor', d.communityA);
    await newUser('adviserB', 'assessor', d.streetB);
    await newUser('supervisorA', 'civil_affairs', d.streetA);
    const { provider, token } = await ctx.newProviderWithUser(d.streetA);
    users.provider = { id: provider.id, token };
  });
  afterAll(() => ctx.close());

  /** Registers a household as adviserA: its case opens assigned to them. */
  const registered = async () => {
    const household = await as('adviserA')
      .post('/api/households', ctx.householdBody(d.communityA))
      .expect(201);
    return (await as('adviserA').get(`/api/households/${household.body.id}/case`).expect(200))
      .body as { id: string; householdId: string; version: number; adviserId: string };
  };

  it("puts the registered household in its assessor's caseload", async () => {
    const opened = await registered();
    expect(opened.adviserId).toBe(users.adviserA.id);
    expect((await caseload('adviserA')).items.map((c) => c.id)).toContain(opened.id);
    const one = await as('supervisorA').get(`/api/cases/${opened.id}`).expect(200);
    expect(one.body).toMatchObject({
      status: 'open',
      assignments: [{ toAdviserId: users.adviserA.id, reason: 'registration' }],
    });
    expect(one.body.assignments[0].toAdviserName).toEqual(expect.any(String));
  });

  it('offers as new advisers exactly the active assessors whose area covers the household', async () => {
    const opened = await registered();
    const res = await as('adviserA').get(`/api/cases/${opened.id}/adviser-candidates`).expect(200);
    const ids = (res.body as Array<{ id: string; displayName: string; areaName: string }>).map(
      (u) => u.id,
    );
    // adviserA (street A) and adviserA2 (community A) cover it; adviserB (street B) does not.
    expect(ids).toEqual(expect.arrayContaining([users.adviserA.id, users.adviserA2.id]));
    expect(ids).not.toContain(users.adviserB.id);
    // Whoever is offered is accepted by the hand-over itself.
    await as('adviserA')
      .post(`/api/cases/${opened.id}/handover`, {
        adviserId: users.adviserA2.id,
        reason: '就近服务',
        version: opened.version,
      })
      .expect(200);
    await as('adviserB').get(`/api/cases/${opened.id}/adviser-candidates`).expect(404);
  });

  it("hands over: the case moves to the other adviser's caseload and both are notified", async () => {
    const opened = await registered();
    const res = await as('supervisorA')
      .post(`/api/cases/${opened.id}/handover`, {
        adviserId: users.adviserA2.id,
        reason: '原顾问调岗',
        version: opened.version,
      })
      .expect(200);
    expect(res.body).toMatchObject({ adviserId: users.adviserA2.id, version: opened.version + 1 });
    expect((await caseload('adviserA2')).items.map((c) => c.id)).toContain(opened.id);
    expect((await caseload('adviserA')).items.map((c) => c.id)).not.toContain(opened.id);

    for (const name of ['adviserA', 'adviserA2', 'supervisorA']) {
      const notice = await noticeOf(name, opened.id);
      expect(notice).toMatchObject({ type: 'case.handed_over', title: '个案已移交' });
    }
    // The same version again is stale.
    await as('supervisorA')
      .post(`/api/cases/${opened.id}/handover`, {
        adviserId: users.adviserA.id,
        reason: 'again',
        version: opened.version,
      })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('STALE_VERSION'));
  });

  it('refuses an adviser whose area does not cover the household', async () => {
    const opened = await registered();
    const res = await as('supervisorA')
      .post(`/api/cases/${opened.id}/handover`, {
        adviserId: users.adviserB.id,
        reason: '调岗',
        version: opened.version,
      })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'CASE_ADVISER_INVALID',
      details: { problem: 'out_of_area' },
    });
    expect((await caseload('adviserA')).items.map((c) => c.id)).toContain(opened.id);
  });

  it('answers 403 to a provider', async () => {
    const opened = await registered();
    await as('provider').get('/api/cases').expect(403);
    await as('provider').get(`/api/cases/${opened.id}`).expect(403);
    await as('provider')
      .post(`/api/cases/${opened.id}/close`, { reason: 'refused', version: opened.version })
      .expect(403);
  });

  it('refuses an unknown close reason with a field error, then closes and reopens', async () => {
    const opened = await registered();
    const bad = await as('adviserA')
      .post(`/api/cases/${opened.id}/close`, { reason: 'bored', version: opened.version })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason', constraint: 'isIn' })]),
    );
    const closed = await as('adviserA')
      .post(`/api/cases/${opened.id}/close`, {
        reason: 'no_longer_in_difficulty',
        note: '已稳定就业',
        version: opened.version,
      })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'no_longer_in_difficulty' });
    expect((await caseload('adviserA')).items.map((c) => c.id)).not.toContain(opened.id);
    await as('adviserA')
      .post(`/api/cases/${opened.id}/reopen`, { reason: '再次失业', version: closed.body.version })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('open'));
  });
});
