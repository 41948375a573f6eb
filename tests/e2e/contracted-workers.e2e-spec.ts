import { randomUUID } from 'node:crypto';
import { endOfChinaDay } from '@onedoor/accounts';
import { Clock } from '@onedoor/platform';
import { signedContract, socialWorkOrgWithAdmin } from './support/contracts';
import { startApi, type TestContext } from './support/test-app';

const PASSWORD = 'a long contracted-worker passphrase 42';

describe('Contracted social-work workers (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let org: Awaited<ReturnType<typeof socialWorkOrgWithAdmin>>;
  let staff: string;

  beforeAll(async () => {
    ctx = await startApi();
    clock = ctx.app.get(Clock);
    d = await ctx.newDistrict();
    org = await socialWorkOrgWithAdmin(ctx, d.district);
    staff = await ctx.tokenFor('civil_affairs', d.district);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const createWorker = (token: string, body: Record<string, unknown>) =>
    ctx.http
      .post('/api/users')
      .set('Authorization', token)
      .send({
        username: `worker.${randomUUID().slice(0, 8)}`,
        displayName: '签约社工',
        role: 'assessor',
        ...body,
      });

  /** A worker account created by `token`, with its password set, logged in. */
  const worker = async (token: string, contractId: string, areaId = d.communityA.id) => {
    const created = await createWorker(token, { contractId, areaId }).expect(201);
    await ctx.http
      .post('/api/auth/set-password')
      .send({ token: created.body.setPasswordToken, password: PASSWORD })
      .expect(204);
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: created.body.username, password: PASSWORD })
      .expect(200);
    return {
      id: created.body.id as string,
      username: created.body.username as string,
      body: created.body,
      token: `Bearer ${login.body.accessToken}`,
    };
  };

  const registerAs = async (token: string) => {
    const h = await ctx.http
      .post('/api/households')
      .set('Authorization', token)
      .send(ctx.householdBody(d.communityA))
      .expect(201);
    const c = await ctx.http
      .get(`/api/households/${h.body.id}/case`)
      .set('Authorization', token)
      .expect(200);
    return { householdId: h.body.id as string, case: c.body as { id: string; version: number } };
  };

  it("a contracted worker's access ends when the contract ends (clock moved)", async () => {
    const contract = await signedContract(ctx, org.provider, d.streetA);
    const w = await worker(org.adminToken, contract.id);
    const accessUntil = endOfChinaDay(contract.periodEnd);
    expect(w.body).toMatchObject({
      role: 'assessor',
      areaId: d.communityA.id,
      providerId: org.provider.id,
      contractId: contract.id,
      accessUntil: accessUntil.toISOString(),
    });
    // They act as an assessor, not as their organization.
    const me = await ctx.http.get('/api/auth/me').set('Authorization', w.token).expect(200);
    expect(me.body).toMatchObject({
      role: 'assessor',
      providerId: null,
      affiliationId: org.provider.id,
      accessUntil: accessUntil.toISOString(),
    });
    await ctx.http.get('/api/contracts').set('Authorization', w.token).expect(403);

    // They work cases in the area: register a family (the case is theirs), list it, and take
    // over a case staff hand to them.
    const own = await registerAs(w.token);
    const caseload = await ctx.http
      .get('/api/cases?assignedTo=me')
      .set('Authorization', w.token)
      .expect(200);
    expect(caseload.body.items.map((c: { id: string }) => c.id)).toContain(own.case.id);
    await ctx.http
      .get(`/api/households/${own.householdId}`)
      .set('Authorization', w.token)
      .expect(200);
    const other = await registerAs(staff);
    await ctx.http
      .post(`/api/cases/${other.case.id}/handover`)
      .set('Authorization', staff)
      .send({ version: other.case.version, adviserId: w.id, reason: '签约社工接手' })
      .expect(200);

    // A minute after the contract's last day (China time), the next request is refused…
    jest.spyOn(clock, 'now').mockReturnValue(new Date(accessUntil.getTime() + 60_000));
    const refused = await ctx.http.get('/api/auth/me').set('Authorization', w.token).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await ctx.http.get('/api/cases?assignedTo=me').set('Authorization', w.token).expect(401);
    // …they cannot log in again, and no case can be handed to them.
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: w.username, password: PASSWORD })
      .expect(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    const third = await registerAs(staff);
    const handover = await ctx.http
      .post(`/api/cases/${third.case.id}/handover`)
      .set('Authorization', staff)
      .send({ version: third.case.version, adviserId: w.id, reason: '移交' })
      .expect(422);
    expect(handover.body.details).toMatchObject({ problem: 'not_active' });

    // A minute before the end, the same token still works: it is the clock that decides.
    jest.spyOn(clock, 'now').mockReturnValue(new Date(accessUntil.getTime() - 60_000));
    await ctx.http.get('/api/auth/me').set('Authorization', w.token).expect(200);
  });

  it('a terminated contract ends its workers’ access at once, and their sessions', async () => {
    const contract = await signedContract(ctx, org.provider, d.streetA);
    // civil-affairs staff may open a worker account for the contract too.
    const w = await worker(staff, contract.id);
    await ctx.http.get('/api/auth/me').set('Authorization', w.token).expect(200);
    const before = Date.now();

    await ctx.http
      .post(`/api/contracts/${contract.id}/terminate`)
      .set('Authorization', staff)
      .send({ reason: '机构违约' })
      .expect(200);

    await ctx.http.get('/api/auth/me').set('Authorization', w.token).expect(401);
    await ctx.http
      .post('/api/auth/login')
      .send({ username: w.username, password: PASSWORD })
      .expect(401);
    const [row] = await ctx.dataSource.query(`SELECT access_until FROM app_user WHERE id = $1`, [
      w.id,
    ]);
    expect(new Date(row.access_until).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(row.access_until).getTime()).toBeLessThanOrEqual(Date.now());
    const sessions = await ctx.dataSource.query(
      `SELECT revoked_reason FROM user_session WHERE user_id = $1`,
      [w.id],
    );
    expect(sessions).toEqual([{ revoked_reason: 'contract_ended' }]);
    const audit = await ctx.dataSource.query(
      `SELECT action, data FROM audit_log
        WHERE entity_type = 'user' AND entity_id = $1 AND action = 'access_end'`,
      [w.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ contractId: contract.id });

    // No new worker under the ended contract.
    const refused = await createWorker(org.adminToken, {
      contractId: contract.id,
      areaId: d.communityA.id,
    }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'CONTRACT_NOT_LIVE',
      details: { problem: 'not_active' },
    });
  });

  it('refuses workers outside the contract’s area, without a live contract of one’s own, or by someone else', async () => {
    const contract = await signedContract(ctx, org.provider, d.streetA);
    const outside = await createWorker(org.adminToken, {
      contractId: contract.id,
      areaId: d.communityB.id,
    }).expect(422);
    expect(outside.body.code).toBe('CONTRACTED_WORKER_OUT_OF_AREA');

    const over = await signedContract(ctx, org.provider, d.streetA, { fromDays: -90, toDays: -1 });
    const ended = await createWorker(org.adminToken, {
      contractId: over.id,
      areaId: d.communityA.id,
    }).expect(422);
    expect(ended.body).toMatchObject({
      code: 'CONTRACT_NOT_LIVE',
      details: { problem: 'period_over' },
    });

    // Another organization's contract is as good as none.
    const rival = await socialWorkOrgWithAdmin(ctx, d.district);
    const theirs = await signedContract(ctx, rival.provider, d.streetA);
    const foreign = await createWorker(org.adminToken, {
      contractId: theirs.id,
      areaId: d.communityA.id,
    }).expect(422);
    expect(foreign.body).toMatchObject({
      code: 'CONTRACT_NOT_LIVE',
      details: { problem: 'not_found' },
    });

    // A charity's contract does not make social-work advisers.
    const charity = await ctx.newProvider(d.district, { kind: 'charity' });
    const charityContract = await signedContract(ctx, charity, d.streetA);
    const byStaff = await createWorker(staff, {
      contractId: charityContract.id,
      areaId: d.communityA.id,
    }).expect(422);
    expect(byStaff.body.details).toMatchObject({ problem: 'not_social_work' });

    // An organization admin's assessors are contracted workers only.
    const noContract = await createWorker(org.adminToken, { areaId: d.communityA.id }).expect(400);
    expect(noContract.body.code).toBe('USER_FIELDS_INVALID');
    // Staff accounts stay beyond them, and a plain provider user manages no accounts.
    await createWorker(org.adminToken, {
      role: 'civil_affairs',
      areaId: d.communityA.id,
    }).expect(403);
    const plain = await ctx.tokenFor('provider', d.district, org.provider.id);
    await createWorker(plain, { contractId: contract.id, areaId: d.communityA.id }).expect(403);

    // The console's picker offers their live contracts only, each with the areas within it.
    const offered = await ctx.http
      .get('/api/contracted-workers/contracts')
      .set('Authorization', org.adminToken)
      .expect(200);
    const ids = offered.body.map((c: { id: string }) => c.id);
    expect(ids).toContain(contract.id);
    expect(ids).not.toContain(over.id);
    expect(ids).not.toContain(theirs.id);
    const mine = offered.body.find((c: { id: string }) => c.id === contract.id);
    expect(mine.accessUntil).toBe(endOfChinaDay(mine.periodEnd).toISOString());
    const areaIds = mine.areas.map((a: { id: string }) => a.id);
    expect(areaIds).toEqual(expect.arrayContaining([d.streetA.id, d.communityA.id]));
    expect(areaIds).not.toContain(d.communityB.id);

    // The organization admin sees their workers among their accounts.
    const w = await worker(org.adminToken, contract.id);
    const list = await ctx.http
      .get('/api/users?role=assessor&limit=100')
      .set('Authorization', org.adminToken)
      .expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toContain(w.id);
  });
});
