import { randomInt, randomUUID } from 'node:crypto';
import { usccCheckCharacter } from '@onedoor/resources';
import { startApi, TestContext } from './support/test-app';

const STRONG = 'Lantern-Orbit-7-Quill';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A valid, random 统一社会信用代码. */
function newUscc(): string {
  const base = `5311010${String(randomInt(1e9)).padStart(10, '0')}`.slice(0, 17);
  return base + usccCheckCharacter(base);
}

/**
 * Each test applies from its own client address (the app trusts one proxy hop here), so that
 * the per-address throttle counts only that test's applications.
 */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('Provider applications (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staffA: string;
  let staffB: string;
  let admin: string;

  beforeAll(async () => {
    ctx = await startApi({ TRUST_PROXY: '1' });
    tree = await ctx.newDistrict();
    staffA = await ctx.tokenFor('civil_affairs', tree.streetA);
    staffB = await ctx.tokenFor('civil_affairs', tree.streetB);
    admin = await ctx.tokenFor('admin');
  });
  afterAll(() => ctx.close());

  const body = (over: Record<string, unknown> = {}) => ({
    uscc: newUscc(),
    name: `和平社工 ${randomUUID().slice(0, 6)}`,
    kind: 'social_work_org',
    homeAreaId: tree.communityA.id,
    address: '和平路 1 号',
    contactName: '王芳',
    contactPhone: '13800138000',
    contactEmail: 'wang.fang@example.org',
    username: `org.${randomUUID().slice(0, 8)}`,
    ...over,
  });
  const apply = (b: Record<string, unknown>, address = newAddress()) =>
    ctx.http.post('/api/provider-applications').set('X-Forwarded-For', address).send(b);
  const approve = (id: string, token: string, b: Record<string, unknown> = {}) =>
    ctx.http.post(`/api/provider-applications/${id}/approve`).set('Authorization', token).send(b);

  it('an organization applies, staff approve, its admin sets a password, logs in and creates a colleague', async () => {
    const application = body();
    const applied = await apply(application);
    expect(applied.status).toBe(201);
    expect(applied.body).toEqual({
      id: expect.any(String),
      status: 'pending',
      createdAt: expect.any(String),
    });
    const id = applied.body.id as string;

    // Personal data at rest is ciphertext.
    const [raw] = await ctx.dataSource.query(
      `SELECT contact_name_enc, contact_phone_enc, contact_email_enc FROM provider_application WHERE id = $1`,
      [id],
    );
    expect(JSON.stringify(raw)).not.toMatch(/13800138000|wang\.fang|王芳/);

    // Staff of the street list it, contacts masked; one read shows them whole.
    const listed = await ctx.http
      .get('/api/provider-applications?status=pending&limit=100')
      .set('Authorization', staffA)
      .expect(200);
    const item = listed.body.items.find((a: { id: string }) => a.id === id);
    expect(item).toMatchObject({
      uscc: application.uscc,
      status: 'pending',
      contactName: '王芳',
      homeAreaId: tree.communityA.id,
    });
    expect(item.contactPhone).not.toBe('13800138000');
    expect(item.contactEmail).toBe('w***@example.org');
    const one = await ctx.http
      .get(`/api/provider-applications/${id}`)
      .set('Authorization', staffA)
      .expect(200);
    expect(one.body).toMatchObject({
      contactPhone: '13800138000',
      contactEmail: 'wang.fang@example.org',
    });

    const approved = await approve(id, staffA, { reason: 'Documents checked' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      id,
      status: 'approved',
      reason: 'Documents checked',
      providerId: expect.any(String),
      userId: expect.any(String),
      adminUsername: application.username,
      setPasswordToken: expect.any(String),
    });
    const { providerId, setPasswordToken } = approved.body as {
      providerId: string;
      setPasswordToken: string;
    };
    const [provider] = await ctx.dataSource.query(
      `SELECT uscc, verification, home_area_id FROM provider WHERE id = $1`,
      [providerId],
    );
    expect(provider).toEqual({
      uscc: application.uscc,
      verification: 'verified',
      home_area_id: tree.communityA.id,
    });
    // The token is answered once: reading the application again does not show it.
    const again = await ctx.http
      .get(`/api/provider-applications/${id}`)
      .set('Authorization', staffA)
      .expect(200);
    expect(again.body.setPasswordToken).toBeUndefined();
    const audit = await ctx.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_type = 'provider_application' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['create', 'approve']);

    await ctx.http
      .post('/api/auth/set-password')
      .send({ token: setPasswordToken, password: STRONG })
      .expect(204);
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: application.username, password: STRONG })
      .expect(200);
    const orgAdmin = `Bearer ${login.body.accessToken}`;
    const me = await ctx.http.get('/api/auth/me').set('Authorization', orgAdmin).expect(200);
    expect(me.body).toMatchObject({ role: 'provider', providerId, isOrgAdmin: true });

    const colleague = await ctx.http
      .post('/api/users')
      .set('Authorization', orgAdmin)
      .send({
        username: `colleague.${randomUUID().slice(0, 8)}`,
        displayName: '李雷',
        role: 'provider',
      });
    expect(colleague.status).toBe(201);
    expect(colleague.body).toMatchObject({
      role: 'provider',
      providerId,
      isOrgAdmin: false,
      setPasswordToken: expect.any(String),
    });
  });

  it('shows an application only to staff whose area contains its home area (404 elsewhere, like a missing one)', async () => {
    const { body: applied } = await apply(body()).expect(201);
    const outside = await ctx.http
      .get(`/api/provider-applications/${applied.id}`)
      .set('Authorization', staffB);
    const missing = await ctx.http
      .get(`/api/provider-applications/${MISSING}`)
      .set('Authorization', staffB);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect(outside.body.code).toBe('PROVIDER_APPLICATION_NOT_FOUND');
    await approve(applied.id, staffB).expect(404);
    await ctx.http
      .post(`/api/provider-applications/${applied.id}/reject`)
      .set('Authorization', staffB)
      .send({ reason: 'no' })
      .expect(404);
    const listB = await ctx.http
      .get('/api/provider-applications?limit=100')
      .set('Authorization', staffB)
      .expect(200);
    expect(listB.body.items.map((a: { id: string }) => a.id)).not.toContain(applied.id);
    // Staff of the district above, and admin, see it; an assessor of the street is refused.
    const district = await ctx.tokenFor('civil_affairs', tree.district);
    await ctx.http
      .get(`/api/provider-applications/${applied.id}`)
      .set('Authorization', district)
      .expect(200);
    await ctx.http
      .get(`/api/provider-applications/${applied.id}`)
      .set('Authorization', admin)
      .expect(200);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    await ctx.http.get('/api/provider-applications').set('Authorization', assessor).expect(403);
  });

  it('refuses a second application while one is pending (also when sent at once), and a registered code: 409', async () => {
    const first = body();
    await apply(first).expect(201);
    const dup = await apply({ ...first, username: `org.${randomUUID().slice(0, 8)}` });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PROVIDER_APPLICATION_DUPLICATE');

    const together = body();
    const answers = await Promise.all([apply(together), apply(together), apply(together)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM provider_application WHERE uscc = $1`,
      [together.uscc],
    );
    expect(n).toBe(1);

    const registered = await ctx.newProvider(tree.streetA);
    const taken = await apply(body({ uscc: registered.uscc }));
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('PROVIDER_USCC_TAKEN');
  });

  it('lets exactly one of two staff approving at once win; the other gets 409', async () => {
    const { body: applied } = await apply(body()).expect(201);
    const district = await ctx.tokenFor('civil_affairs', tree.district);
    const answers = await Promise.all([approve(applied.id, staffA), approve(applied.id, district)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.status === 409)!;
    expect(lost.body.code).toBe('PROVIDER_APPLICATION_DECIDED');
    const [{ providers }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS providers FROM provider p JOIN provider_application a ON a.uscc = p.uscc WHERE a.id = $1`,
      [applied.id],
    );
    expect(providers).toBe(1);
  });

  it('rejects with a reason (400 without), audited; a decided application cannot be decided again', async () => {
    const application = body();
    const { body: applied } = await apply(application).expect(201);
    const reject = (b: Record<string, unknown>) =>
      ctx.http
        .post(`/api/provider-applications/${applied.id}/reject`)
        .set('Authorization', staffA)
        .send(b);
    for (const bad of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await reject(bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    const rejected = await reject({ reason: 'Code belongs to another organization' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reason: 'Code belongs to another organization',
      providerId: null,
      decidedAt: expect.any(String),
    });
    const [row] = await ctx.dataSource.query(
      `SELECT action, reason, from_state, to_state FROM audit_log WHERE entity_type = 'provider_application' AND entity_id = $1 AND action = 'reject'`,
      [applied.id],
    );
    expect(row).toEqual({
      action: 'reject',
      reason: 'Code belongs to another organization',
      from_state: 'pending',
      to_state: 'rejected',
    });
    const twice = await reject({ reason: 'again' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PROVIDER_APPLICATION_DECIDED');
    const late = await approve(applied.id, staffA);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROVIDER_APPLICATION_DECIDED');
    // Only a pending application blocks the code: the organization may apply again.
    await apply({ ...application, username: `org.${randomUUID().slice(0, 8)}` }).expect(201);
  });

  it('answers a taken username on approval with 409, nothing written; approval with another username works', async () => {
    const taken = await ctx.newUser('assessor', tree.streetA);
    const application = body({ username: taken.username });
    const { body: applied } = await apply(application).expect(201);
    const refused = await approve(applied.id, staffA);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('USERNAME_TAKEN');
    const providers = await ctx.dataSource.query(`SELECT 1 FROM provider WHERE uscc = $1`, [
      application.uscc,
    ]);
    expect(providers).toEqual([]);
    const other = `org.${randomUUID().slice(0, 8)}`;
    const approved = await approve(applied.id, staffA, { username: other });
    expect(approved.status).toBe(200);
    expect(approved.body.adminUsername).toBe(other);
  });

  it(`throttles applications per client address: the 6th within an hour is 429 with Retry-After`, async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await apply(body(), address).expect(201);
    const refused = await apply(body(), address);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    // Another address is not affected.
    await apply(body()).expect(201);
  });

  it('refuses a bad USCC, an unknown or a city home area, and missing fields: 400', async () => {
    const good = body().uscc;
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const over of [
      { uscc: badCheck },
      { uscc: '123' },
      { homeAreaId: MISSING },
      { homeAreaId: tree.city.id },
      { kind: 'club' },
      { contactEmail: 'nope' },
      { username: 'x' },
    ]) {
      const res = await apply(body(over));
      expect({ over, status: res.status }).toEqual({ over, status: 400 });
    }
    const { contactPhone: _omitted, ...noPhone } = body();
    await apply(noPhone).expect(400);
  });
});
