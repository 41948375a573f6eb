import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AreaEntity } from '@onedoor/areas';
import { startApi, TestContext } from './support/test-app';

const STRONG = 'Lantern-Orbit-7-Quill';
const uname = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}`;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Users (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let admin: string;
  let streetOfficer: { id: string; token: string };

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    admin = await ctx.tokenFor('admin');
    const officer = await ctx.newUser('civil_affairs', tree.streetA);
    streetOfficer = { id: officer.id, token: `Bearer ${await ctx.login(officer.username)}` };
  });
  afterAll(() => ctx.close());

  const create = (token: string, body: Record<string, unknown>) =>
    ctx.http.post('/api/users').set('Authorization', token).send(body);

  /** A provider user flagged organization admin, logged in. */
  async function orgAdmin(area: AreaEntity) {
    const provider = await ctx.newProvider(area);
    const user = await ctx.newUser('provider', area, provider.id);
    await ctx.dataSource.query(`UPDATE app_user SET is_org_admin = true WHERE id = $1`, [user.id]);
    return { provider, user, token: `Bearer ${await ctx.login(user.username)}` };
  }

  describe('scope', () => {
    it('lets a street officer create an assessor in their street, who sets a password and logs in', async () => {
      const username = uname('assessor');
      const res = await create(streetOfficer.token, {
        username,
        displayName: 'New Assessor',
        role: 'assessor',
        areaId: tree.communityA.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username,
        role: 'assessor',
        areaId: tree.communityA.id,
        active: true,
        hasPassword: false,
        setPasswordToken: expect.any(String),
      });
      // No password yet: login fails like a wrong one.
      await ctx.http.post('/api/auth/login').send({ username, password: STRONG }).expect(401);
      await ctx.http
        .post('/api/auth/set-password')
        .send({ token: res.body.setPasswordToken, password: STRONG })
        .expect(204);
      await ctx.http.post('/api/auth/login').send({ username, password: STRONG }).expect(200);
    });

    it('refuses a street officer a district officer, a user in another street, an admin: 403, nothing written', async () => {
      const attempts = [
        { role: 'civil_affairs', areaId: tree.district.id },
        { role: 'assessor', areaId: tree.streetB.id },
        { role: 'admin' },
        { role: 'assessor', areaId: MISSING },
      ];
      for (const attempt of attempts) {
        const username = uname('refused');
        const res = await create(streetOfficer.token, {
          username,
          displayName: 'x',
          ...attempt,
        });
        expect({ attempt, status: res.status, code: res.body.code }).toEqual({
          attempt,
          status: 403,
          code: 'FORBIDDEN',
        });
        const rows = await ctx.dataSource.query(`SELECT 1 FROM app_user WHERE username = $1`, [
          username,
        ]);
        expect(rows).toEqual([]);
      }
    });

    it('refuses anyone raising their own role or scope', async () => {
      const me = await ctx.http
        .get(`/api/users/${streetOfficer.id}`)
        .set('Authorization', streetOfficer.token)
        .expect(200);
      for (const change of [{ role: 'admin' }, { areaId: tree.district.id }]) {
        const res = await ctx.http
          .patch(`/api/users/${streetOfficer.id}`)
          .set('Authorization', streetOfficer.token)
          .send({ version: me.body.version, ...change });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const after = await ctx.http
        .get(`/api/users/${streetOfficer.id}`)
        .set('Authorization', streetOfficer.token);
      expect(after.body).toMatchObject({ role: 'civil_affairs', areaId: tree.streetA.id });
    });

    it('answers a user outside scope exactly like a missing one (404) on read, edit and reset', async () => {
      const other = await ctx.newUser('assessor', tree.streetB);
      for (const [method, suffix, body] of [
        ['get', '', undefined],
        ['patch', '', { version: 1, displayName: 'x' }],
        ['post', '/deactivate', {}],
        ['post', '/reset-password', {}],
      ] as const) {
        const outside = await ctx.http[method](`/api/users/${other.id}${suffix}`)
          .set('Authorization', streetOfficer.token)
          .send(body);
        const missing = await ctx.http[method](`/api/users/${MISSING}${suffix}`)
          .set('Authorization', streetOfficer.token)
          .send(body);
        expect({ method, suffix, status: outside.status }).toEqual({ method, suffix, status: 404 });
        expect(outside.body).toEqual(missing.body);
      }
    });

    it('lists only the accounts one may manage, searched and paged', async () => {
      const inA = await ctx.newUser('assessor', tree.communityA);
      const inB = await ctx.newUser('assessor', tree.communityB);
      const res = await ctx.http
        .get('/api/users?limit=100&role=assessor')
        .set('Authorization', streetOfficer.token)
        .expect(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toContain(inA.id);
      expect(ids).not.toContain(inB.id);

      const byName = await ctx.http
        .get(`/api/users?q=${inB.username}`)
        .set('Authorization', admin)
        .expect(200);
      expect(byName.body).toMatchObject({ total: 1, page: 1, items: [{ id: inB.id }] });
      const byArea = await ctx.http
        .get(`/api/users?areaId=${tree.streetB.id}&active=true&limit=1&page=1`)
        .set('Authorization', admin)
        .expect(200);
      expect(byArea.body.items).toHaveLength(1);
      expect(byArea.body.total).toBeGreaterThanOrEqual(1);
    });

    it('lets an organization admin manage their own organization only', async () => {
      const a = await orgAdmin(tree.district);
      const b = await orgAdmin(tree.district);
      const colleague = await create(a.token, {
        username: uname('colleague'),
        displayName: 'Colleague',
        role: 'provider',
      });
      expect(colleague.status).toBe(201);
      expect(colleague.body).toMatchObject({ providerId: a.provider.id, isOrgAdmin: false });

      // Another organization's user: 404 as if missing; creating for it or above: 403.
      await ctx.http.get(`/api/users/${b.user.id}`).set('Authorization', a.token).expect(404);
      const foreign = await create(a.token, {
        username: uname('foreign'),
        displayName: 'x',
        role: 'provider',
        providerId: b.provider.id,
      });
      expect(foreign.status).toBe(403);
      const assessor = await create(a.token, {
        username: uname('assessor'),
        displayName: 'x',
        role: 'assessor',
        areaId: tree.communityA.id,
      });
      // Their assessors are contracted workers: not without a contract (contracted-workers e2e).
      expect(assessor.status).toBe(400);
      expect(assessor.body.details).toEqual([
        expect.objectContaining({ field: 'contractId', params: { problem: 'contractRequired' } }),
      ]);
      const list = await ctx.http.get('/api/users?limit=100').set('Authorization', a.token);
      expect(list.body.items.map((u: { providerId: string }) => u.providerId)).toEqual(
        list.body.items.map(() => a.provider.id),
      );

      // A provider user who is not organization admin manages nobody.
      const plain = await ctx.http
        .post('/api/auth/login')
        .send({ username: colleague.body.username, password: STRONG });
      expect(plain.status).toBe(401); // no password yet
      await ctx.http
        .post('/api/auth/set-password')
        .send({ token: colleague.body.setPasswordToken, password: STRONG })
        .expect(204);
      const plainToken = `Bearer ${await ctx.login(colleague.body.username, STRONG)}`;
      const refused = await create(plainToken, {
        username: uname('x'),
        displayName: 'x',
        role: 'provider',
      });
      expect(refused.status).toBe(403);
    });
  });

  describe('bad input', () => {
    it('answers a duplicate username (any case) 409 USERNAME_TAKEN, writing nothing', async () => {
      const username = uname('dup');
      await create(admin, { username, displayName: 'one', role: 'admin' }).expect(201);
      const again = await create(admin, {
        username: username.toUpperCase(),
        displayName: 'two',
        role: 'admin',
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN' });
      const rows = await ctx.dataSource.query(
        `SELECT display_name FROM app_user WHERE lower(username) = lower($1)`,
        [username],
      );
      expect(rows).toEqual([{ display_name: 'one' }]);
    });

    it('needs an evaluator type for an evaluator, and creates one with it', async () => {
      const without = await create(streetOfficer.token, {
        username: uname('evaluator'),
        displayName: 'x',
        role: 'evaluator',
        areaId: tree.streetA.id,
      });
      expect(without.status).toBe(400);
      expect(without.body.code).toBe('USER_FIELDS_INVALID');
      expect(without.body.details).toEqual([
        {
          field: 'evaluatorType',
          constraint: 'accountShape',
          params: { problem: 'evaluatorTypeRequired' },
          message: '评审专家必须指定专家类型',
        },
      ]);
      for (const evaluatorType of ['government', 'third_party', 'recipient_representative']) {
        const res = await create(streetOfficer.token, {
          username: uname('evaluator'),
          displayName: 'x',
          role: 'evaluator',
          areaId: tree.streetA.id,
          evaluatorType,
        });
        expect(res.status).toBe(201);
        expect(res.body.evaluatorType).toBe(evaluatorType);
      }
    });
  });

  describe('records', () => {
    it('keeps phone and e-mail encrypted, masks them in lists, and audits changes without them', async () => {
      const username = uname('pii');
      const created = await create(admin, {
        username,
        displayName: 'Before',
        role: 'assessor',
        areaId: tree.streetA.id,
        phone: '13800138000',
        email: 'pii.person@example.org',
      }).expect(201);
      expect(created.body).toMatchObject({
        phone: '13800138000',
        email: 'pii.person@example.org',
      });
      const [row] = await ctx.dataSource.query(
        `SELECT phone_enc, email_enc FROM app_user WHERE id = $1`,
        [created.body.id],
      );
      expect(JSON.stringify(row)).not.toMatch(/13800138000|pii\.person/);
      const list = await ctx.http.get(`/api/users?q=${username}`).set('Authorization', admin);
      expect(list.body.items[0]).toMatchObject({ phone: '138****8000', email: 'p***@example.org' });

      const updated = await ctx.http
        .patch(`/api/users/${created.body.id}`)
        .set('Authorization', admin)
        .send({ version: created.body.version, displayName: 'After', phone: '13900139000' })
        .expect(200);
      expect(updated.body).toMatchObject({ displayName: 'After', phone: '13900139000' });
      const audit = await ctx.dataSource.query(
        `SELECT action, actor_id, data FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
        [created.body.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].data).toMatchObject({
        changed: ['displayName'],
        before: { displayName: 'Before' },
        after: { displayName: 'After' },
        phoneChanged: true,
      });
      expect(JSON.stringify(audit)).not.toMatch(/1380013|1390013|pii\.person|argon2/);

      const stale = await ctx.http
        .patch(`/api/users/${created.body.id}`)
        .set('Authorization', admin)
        .send({ version: created.body.version, displayName: 'Stale' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
    });
  });
});

/**
 * A real deployment's first start: an empty database, migrated, and `npm run user:create`'s
 * compiled entry run against it (as scripts/user-create.mjs runs it), then the API on it.
 */
describe('First admin on an empty database (e2e)', () => {
  const root = join(__dirname, '..', '..');
  let url: string;
  let name: string;
  let api: TestContext | undefined;

  const cli = (args: string[], input?: string) =>
    spawnSync('node', ['dist/apps/api/src/cli/user-create.js', ...args], {
      cwd: root,
      input: input ?? '',
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url },
      timeout: 60_000,
    });

  beforeAll(async () => {
    name = `onedoor_first_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
    const migrate = spawnSync('node', ['dist/migrations/cli.js', 'run'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url },
      timeout: 60_000,
    });
    expect(migrate.status).toBe(0);
  });
  afterAll(async () => {
    await api?.close();
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('creates an admin who can log in; refuses a weak password and a taken username', async () => {
    const weak = cli(
      ['--username', 'first.admin', '--role', 'admin', '--password-stdin'],
      'admin12345\n',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/WEAK_PASSWORD/);

    const generated = cli([
      '--username',
      'first.admin',
      '--role',
      'admin',
      '--display-name',
      'First Admin',
    ]);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    const password = /Password \(shown once, keep it safe\): (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toEqual(expect.any(String));

    const taken = cli(['--username', 'FIRST.admin', '--role', 'admin']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/USERNAME_TAKEN/);

    const chosen = cli(
      ['--username', 'second.admin', '--role', 'admin', '--password-stdin'],
      'Meadow-Sparrow-19-Tundra\n',
    );
    expect(chosen.status).toBe(0);
    expect(chosen.stdout).not.toMatch(/Password/);

    api = await startApi({ DATABASE_URL: url });
    const login = await api.http
      .post('/api/auth/login')
      .send({ username: 'first.admin', password })
      .expect(200);
    const me = await api.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({
      username: 'first.admin',
      displayName: 'First Admin',
      role: 'admin',
    });
    await api.http
      .post('/api/auth/login')
      .send({ username: 'second.admin', password: 'Meadow-Sparrow-19-Tundra' })
      .expect(200);
    const audit = await api.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_type = 'user' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'create', actor_id: null },
      { action: 'create', actor_id: null },
    ]);
  });

  it('never leaves no admin: two admins deactivating each other at once, one stays active', async () => {
    // The database holds exactly the two admins the CLI made: each is the other's last peer.
    const first = await api!.http
      .post('/api/auth/login')
      .send({ username: 'second.admin', password: 'Meadow-Sparrow-19-Tundra' })
      .expect(200);
    const [a, b] = await api!.dataSource.query(
      `SELECT id, username FROM app_user WHERE role = 'admin' AND active ORDER BY username`,
    );
    expect([a.username, b.username]).toEqual(['first.admin', 'second.admin']);
    // first.admin's password was printed in the previous test; reset it through second.admin.
    const reset = await api!.http
      .post(`/api/users/${a.id}/reset-password`)
      .set('Authorization', `Bearer ${first.body.accessToken}`)
      .send({})
      .expect(200);
    await api!.http
      .post('/api/auth/set-password')
      .send({ token: reset.body.setPasswordToken, password: 'Glacier-Pepper-88-Willow' })
      .expect(204);
    const tokenA = (
      await api!.http
        .post('/api/auth/login')
        .send({ username: 'first.admin', password: 'Glacier-Pepper-88-Willow' })
        .expect(200)
    ).body.accessToken;
    const tokenB = first.body.accessToken;

    const [byA, byB] = await Promise.all([
      api!.http
        .post(`/api/users/${b.id}/deactivate`)
        .set('Authorization', `Bearer ${tokenA}`)
        .send({}),
      api!.http
        .post(`/api/users/${a.id}/deactivate`)
        .set('Authorization', `Bearer ${tokenB}`)
        .send({}),
    ]);
    const statuses = [byA.status, byB.status].sort();
    // One succeeds; the other is refused as the last admin (409), or, if it started after the
    // first committed, its own session is already gone (401).
    expect([
      [200, 409],
      [200, 401],
    ]).toContainEqual(statuses);
    const loser = byA.status === 200 ? byB : byA;
    if (loser.status === 409) expect(loser.body.code).toBe('LAST_ADMIN');
    const active = await api!.dataSource.query(
      `SELECT username FROM app_user WHERE role = 'admin' AND active`,
    );
    expect(active).toHaveLength(1);

    // And the survivor cannot demote or deactivate themselves out of it either.
    const survivorToken = byA.status === 200 ? tokenA : tokenB;
    const survivorId = byA.status === 200 ? a.id : b.id;
    const self = await api!.http
      .post(`/api/users/${survivorId}/deactivate`)
      .set('Authorization', `Bearer ${survivorToken}`)
      .send({});
    expect(self.status).toBe(403);
  });
});
