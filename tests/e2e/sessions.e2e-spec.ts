import { Clock } from '@onedoor/platform';
import { startApi, TEST_PASSWORD, TestContext } from './support/test-app';

const STRONG = 'Harbor-Violet-42-Cinder';

describe('Sessions and passwords (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let admin: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    admin = await ctx.tokenFor('admin');
  });
  afterAll(() => ctx.close());
  afterEach(() => jest.restoreAllMocks());

  const login = async (username: string, password = TEST_PASSWORD, agent = 'jest') => {
    const res = await ctx.http
      .post('/api/auth/login')
      .set('User-Agent', agent)
      .send({ username, password })
      .expect(200);
    return res.body as { accessToken: string; refreshToken: string; sessionId: string };
  };
  const me = (accessToken: string) =>
    ctx.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) =>
    ctx.http.post('/api/auth/refresh').send({ refreshToken });

  describe('refresh', () => {
    it('rotates: each refresh answers a new pair and the old refresh token stops working', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const first = await login(user.username);
      const second = await refresh(first.refreshToken).expect(200);
      expect(second.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        sessionId: first.sessionId,
      });
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await me(second.body.accessToken).expect(200);
      const third = await refresh(second.body.refreshToken).expect(200);
      await me(third.body.accessToken).expect(200);
    });

    it('ends the whole session when an already-rotated refresh token comes back (theft)', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const first = await login(user.username);
      const rotated = await refresh(first.refreshToken).expect(200);

      const reused = await refresh(first.refreshToken);
      expect(reused.status).toBe(401);
      expect(reused.body).toMatchObject({ statusCode: 401, code: 'REFRESH_TOKEN_INVALID' });
      // Both holders are out: the newest refresh token and its access token too.
      await refresh(rotated.body.refreshToken).expect(401);
      await me(rotated.body.accessToken).expect(401);

      const events = await ctx.dataSource.query(
        `SELECT kind, outcome FROM login_event WHERE user_id = $1 ORDER BY id`,
        [user.id],
      );
      expect(events).toEqual([
        { kind: 'login', outcome: 'success' },
        { kind: 'refresh', outcome: 'success' },
        { kind: 'refresh', outcome: 'refresh_reuse' },
      ]);
    });

    it('refuses a made-up refresh token without ending the session', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const session = await login(user.username);
      await refresh(`${session.sessionId}.5.forged`).expect(401);
      await refresh('garbage').expect(401);
      await me(session.accessToken).expect(200);
      await refresh(session.refreshToken).expect(200);
    });

    it('sets the refresh token as an httpOnly SameSite=Strict cookie on /api/auth, and takes it back from there', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const res = await ctx.http
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(
        /^onedoor_refresh=[^;]+; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
      );
      const byCookie = await ctx.http
        .post('/api/auth/refresh')
        .set('Cookie', cookie.split(';')[0])
        .send({})
        .expect(200);
      expect(byCookie.body.sessionId).toBe(res.body.sessionId);
      // Behind a TLS-terminating proxy (TRUST_PROXY=1 in the tests), the cookie is Secure.
      const overTls = await ctx.http
        .post('/api/auth/refresh')
        .set('X-Forwarded-Proto', 'https')
        .send({ refreshToken: byCookie.body.refreshToken })
        .expect(200);
      expect(String(overTls.headers['set-cookie'])).toMatch(/; SameSite=Strict; Secure$/);
    });
  });

  describe('logout', () => {
    it('logout ends this session only', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const a = await login(user.username, TEST_PASSWORD, 'phone');
      const b = await login(user.username, TEST_PASSWORD, 'desktop');
      const out = await ctx.http
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .expect(204);
      expect(String(out.headers['set-cookie'])).toMatch(/^onedoor_refresh=; .*Max-Age=0/);
      await me(a.accessToken).expect(401);
      await refresh(a.refreshToken).expect(401);
      await me(b.accessToken).expect(200);
    });

    it('log out everywhere ends every session of the user', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const a = await login(user.username);
      const b = await login(user.username);
      await ctx.http
        .post('/api/auth/logout-all')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .expect(204);
      for (const s of [a, b]) {
        await me(s.accessToken).expect(401);
        await refresh(s.refreshToken).expect(401);
      }
    });

    it('lists my open sessions and ends one of them; another user’s session is 404', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const a = await login(user.username, TEST_PASSWORD, 'phone');
      const b = await login(user.username, TEST_PASSWORD, 'desktop');
      const list = await ctx.http
        .get('/api/auth/sessions')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .expect(200);
      expect(list.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: a.sessionId, current: true, userAgent: 'phone' }),
          expect.objectContaining({ id: b.sessionId, current: false, userAgent: 'desktop' }),
        ]),
      );
      expect(list.body).toHaveLength(2);
      await ctx.http
        .delete(`/api/auth/sessions/${b.sessionId}`)
        .set('Authorization', `Bearer ${a.accessToken}`)
        .expect(204);
      await me(b.accessToken).expect(401);

      const other = await login((await ctx.newUser('assessor', tree.streetA)).username);
      const foreign = await ctx.http
        .delete(`/api/auth/sessions/${other.sessionId}`)
        .set('Authorization', `Bearer ${a.accessToken}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('SESSION_NOT_FOUND');
      await me(other.accessToken).expect(200);
    });
  });

  describe('account changes end sessions', () => {
    it('deactivation: the next request with the old access token is 401 and the refresh token is refused', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const session = await login(user.username);
      await me(session.accessToken).expect(200);
      await ctx.http
        .post(`/api/users/${user.id}/deactivate`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      await me(session.accessToken).expect(401);
      await refresh(session.refreshToken).expect(401);
      await ctx.http
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(401);

      await ctx.http
        .post(`/api/users/${user.id}/reactivate`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      await login(user.username);
    });

    it('a role or scope change ends the sessions; a display-name change does not', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const session = await login(user.username);
      const read = await ctx.http.get(`/api/users/${user.id}`).set('Authorization', admin);
      const renamed = await ctx.http
        .patch(`/api/users/${user.id}`)
        .set('Authorization', admin)
        .send({ version: read.body.version, displayName: 'Renamed' })
        .expect(200);
      await me(session.accessToken).expect(200);
      await ctx.http
        .patch(`/api/users/${user.id}`)
        .set('Authorization', admin)
        .send({ version: renamed.body.version, areaId: tree.streetB.id })
        .expect(200);
      await me(session.accessToken).expect(401);
      await refresh(session.refreshToken).expect(401);
    });
  });

  describe('passwords', () => {
    it('a reset token is single-use; the old password and sessions stop working at the reset', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const session = await login(user.username);
      const reset = await ctx.http
        .post(`/api/users/${user.id}/reset-password`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      expect(reset.body).toEqual({
        setPasswordToken: expect.any(String),
        expiresAt: expect.any(String),
      });
      await me(session.accessToken).expect(401);
      await ctx.http
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(401);

      // A weak password is refused naming the rule, and the token still works after it.
      const weak = await ctx.http
        .post('/api/auth/set-password')
        .send({ token: reset.body.setPasswordToken, password: 'password1234' });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({
        statusCode: 400,
        code: 'WEAK_PASSWORD',
        details: { rule: 'min_strength', minLength: 10, minScore: 3 },
      });
      const short = await ctx.http
        .post('/api/auth/set-password')
        .send({ token: reset.body.setPasswordToken, password: 'Xq7!pL2' });
      expect(short.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { rule: 'min_length' } });

      await ctx.http
        .post('/api/auth/set-password')
        .send({ token: reset.body.setPasswordToken, password: STRONG })
        .expect(204);
      const again = await ctx.http
        .post('/api/auth/set-password')
        .send({ token: reset.body.setPasswordToken, password: `${STRONG}-2` });
      expect(again.status).toBe(410);
      expect(again.body).toMatchObject({ statusCode: 410, code: 'SET_PASSWORD_TOKEN_GONE' });
      await login(user.username, STRONG);
    });

    it('a reset token expires after 24 hours by the Clock', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const issuedAt = new Date();
      jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(issuedAt);
      const reset = await ctx.http
        .post(`/api/users/${user.id}/reset-password`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      jest
        .spyOn(ctx.app.get(Clock), 'now')
        .mockReturnValue(new Date(issuedAt.getTime() + 24 * 3_600_000));
      const expired = await ctx.http
        .post('/api/auth/set-password')
        .send({ token: reset.body.setPasswordToken, password: STRONG });
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('SET_PASSWORD_TOKEN_GONE');

      // A minute before the end it still worked: a new token, used just in time.
      jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(issuedAt);
      const fresh = await ctx.http
        .post(`/api/users/${user.id}/reset-password`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      jest
        .spyOn(ctx.app.get(Clock), 'now')
        .mockReturnValue(new Date(issuedAt.getTime() + 24 * 3_600_000 - 60_000));
      await ctx.http
        .post('/api/auth/set-password')
        .send({ token: fresh.body.setPasswordToken, password: STRONG })
        .expect(204);
    });

    it('a newer reset replaces the earlier token', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const post = () =>
        ctx.http.post(`/api/users/${user.id}/reset-password`).set('Authorization', admin).send({});
      const first = await post().expect(200);
      await post().expect(200);
      await ctx.http
        .post('/api/auth/set-password')
        .send({ token: first.body.setPasswordToken, password: STRONG })
        .expect(410);
    });

    it('changes my own password with the current one; a wrong current one is 400', async () => {
      const user = await ctx.newUser('assessor', tree.streetA);
      const session = await login(user.username);
      const change = (currentPassword: string, newPassword: string) =>
        ctx.http
          .post('/api/auth/password')
          .set('Authorization', `Bearer ${session.accessToken}`)
          .send({ currentPassword, newPassword });
      const wrong = await change('not my password', STRONG);
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
      const weak = await change(TEST_PASSWORD, user.username + '1');
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      await change(TEST_PASSWORD, STRONG).expect(204);
      await login(user.username, STRONG);
    });
  });

  describe('login record', () => {
    it('records successes and failures, readable by the user, by staff in scope, not by staff elsewhere', async () => {
      const user = await ctx.newUser('assessor', tree.communityA);
      await ctx.http
        .post('/api/auth/login')
        .send({ username: user.username, password: 'wrong password' })
        .expect(401);
      const session = await login(user.username);
      const own = await ctx.http
        .get('/api/auth/login-events')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .expect(200);
      expect(
        own.body.items.map((e: { kind: string; outcome: string }) => [e.kind, e.outcome]),
      ).toEqual([
        ['login', 'success'],
        ['login', 'failure'],
      ]);
      expect(own.body.items[0]).toMatchObject({ userId: user.id, userAgent: expect.any(String) });

      const staffA = await ctx.tokenFor('civil_affairs', tree.streetA);
      const staffB = await ctx.tokenFor('civil_affairs', tree.streetB);
      const inScope = await ctx.http
        .get(`/api/auth/login-events?userId=${user.id}`)
        .set('Authorization', staffA)
        .expect(200);
      expect(inScope.body.total).toBe(2);
      const outOfScope = await ctx.http
        .get(`/api/auth/login-events?userId=${user.id}`)
        .set('Authorization', staffB)
        .expect(200);
      expect(outOfScope.body.total).toBe(0);
      const byAdmin = await ctx.http
        .get(`/api/auth/login-events?userId=${user.id}`)
        .set('Authorization', admin)
        .expect(200);
      expect(byAdmin.body.total).toBe(2);
    });

    it('records an unknown username as attempted, with no user id', async () => {
      const name = `nobody.${Date.now()}`;
      await ctx.http.post('/api/auth/login').send({ username: name, password: 'x' }).expect(401);
      const rows = await ctx.dataSource.query(
        `SELECT user_id, kind, outcome FROM login_event WHERE username = $1`,
        [name],
      );
      expect(rows).toEqual([{ user_id: null, kind: 'login', outcome: 'failure' }]);
    });
  });
});
