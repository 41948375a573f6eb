import { LoginLimitsRepository } from '@onedoor/platform';
import { startApi, TestContext, TEST_PASSWORD } from './support/test-app';

describe('Auth (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // A daily per-address limit small enough to reach in a test, above the consecutive one.
    ctx = await startApi({ LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS: '25' });
  });
  afterAll(() => ctx.close());
  const max = () => ctx.config.auth.loginMaxFailures;

  it('logs in and answers /auth/me with the user and no password hash', async () => {
    const { district } = await ctx.newDistrict();
    const user = await ctx.newUser('civil_affairs', district);

    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: ctx.config.auth.jwtExpiresInSeconds,
      refreshToken: expect.any(String),
      refreshExpiresAt: expect.any(String),
      sessionId: expect.any(String),
    });

    const me = await ctx.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.username,
      role: 'civil_affairs',
      areaId: district.id,
      providerId: null,
      affiliationId: null,
      accessUntil: null,
      isOrgAdmin: false,
      evaluatorType: null,
      sessionId: login.body.sessionId,
    });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('answers a wrong password and an unknown user alike: 401 with one message', async () => {
    const user = await ctx.newUser('assessor');
    const wrong = await ctx.http
      .post('/api/auth/login')
      .send({ username: user.username, password: 'nope' });
    const unknown = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'nobody.at.all', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码不正确',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('requires a token (401) and refuses a forged one', async () => {
    const none = await ctx.http.get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await ctx.http
      .get('/api/auth/me')
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc');
    expect(forged.status).toBe(401);
  });

  it('answers 403 when the role may not call the route', async () => {
    const token = await ctx.tokenFor('assessor', (await ctx.newDistrict()).streetA);
    const res = await ctx.http
      .post('/api/areas')
      .set('Authorization', token)
      .send({ level: 'city', code: 'X-403', name: 'Nope' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  describe('login throttling', () => {
    const login = (username: string, password: string, address: string) =>
      ctx.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
    const failTimes = async (n: number, username: string, address: string) => {
      for (let i = 0; i < n; i += 1) await login(username, 'wrong', address).expect(401);
    };

    it('logs 32 people in at once from one address (a street office behind NAT)', async () => {
      const users = await Promise.all(Array.from({ length: 32 }, () => ctx.newUser('assessor')));
      const answers = await Promise.all(
        users.map((u) => login(u.username, TEST_PASSWORD, '198.51.100.16')),
      );
      expect(answers.map((a) => a.status)).toEqual(users.map(() => 200));
    });

    it('refuses no correct password while others at the same address fail at the same time', async () => {
      const users = await Promise.all(Array.from({ length: 16 }, () => ctx.newUser('assessor')));
      const answers = await Promise.all([
        ...users.map((u) => login(u.username, TEST_PASSWORD, '198.51.100.17')),
        ...users.map((u) => login(u.username, 'wrong', '198.51.100.17')),
      ]);
      const statuses = answers.map((a) => a.status);
      expect(statuses.slice(0, 16)).toEqual(users.map(() => 200));
      expect(statuses.slice(16)).toEqual(users.map(() => 401));
    });

    it('locks one username at one address after consecutive failures, not its neighbours', async () => {
      const user = await ctx.newUser('assessor');
      const neighbour = await ctx.newUser('assessor');
      await failTimes(max(), user.username, '198.51.100.18');

      const blocked = await login(user.username, TEST_PASSWORD, '198.51.100.18');
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'TOO_MANY_LOGIN_ATTEMPTS',
        message: expect.any(String),
        details: { retryAfterSeconds: expect.any(Number) },
      });
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      // The Chinese message says how long to wait: the same seconds as the header.
      expect(blocked.body.message).toBe(`登录失败次数过多，请 ${retryAfter} 秒后再试`);
      expect(retryAfter).toBeLessThanOrEqual(ctx.config.auth.loginFailureWindowMinutes * 60);
      // Another username from the same address, and the same username elsewhere, log in.
      await login(neighbour.username, TEST_PASSWORD, '198.51.100.18').expect(200);
      await login(user.username, TEST_PASSWORD, '198.51.100.19').expect(200);
    });

    it('releases the lock once the failure window has passed', async () => {
      const user = await ctx.newUser('assessor');
      await failTimes(max(), user.username, '198.51.100.20');
      await login(user.username, TEST_PASSWORD, '198.51.100.20').expect(429);
      // rate-limiter-flexible reads Date.now() itself (it takes no clock), so that is what moves.
      const later = Date.now() + (ctx.config.auth.loginFailureWindowMinutes + 1) * 60_000;
      const moved = jest.spyOn(Date, 'now').mockReturnValue(later);
      try {
        await login(user.username, TEST_PASSWORD, '198.51.100.20').expect(200);
      } finally {
        moved.mockRestore();
      }
    });

    it('prunes lapsed counters (the maintenance job), and not live ones', async () => {
      const user = await ctx.newUser('assessor');
      await failTimes(1, user.username, '198.51.100.22');
      const rows = async () =>
        (
          await ctx.dataSource.query(`SELECT 1 FROM login_limit WHERE key LIKE $1`, [
            `%${user.username}_198.51.100.22`,
          ])
        ).length;
      const sut = ctx.app.get(LoginLimitsRepository);

      await sut.prune(new Date());
      expect(await rows()).toBe(1);
      const window = ctx.config.auth.loginFailureWindowMinutes * 60_000;
      await sut.prune(new Date(Date.now() + window + 60_000));
      expect(await rows()).toBe(0);
    });

    it('starts the count again after a successful login', async () => {
      const user = await ctx.newUser('assessor');
      await failTimes(max() - 1, user.username, '198.51.100.21');
      await login(user.username, TEST_PASSWORD, '198.51.100.21').expect(200);
      await failTimes(max() - 1, user.username, '198.51.100.21');
      await login(user.username, TEST_PASSWORD, '198.51.100.21').expect(200);
    });

    it('holds the daily limit of failures per address, whatever the usernames', async () => {
      const daily = ctx.config.auth.loginMaxDailyFailuresPerAddress;
      const user = await ctx.newUser('assessor');
      // Each guess a different username: only the per-address count grows.
      for (let i = 0; i < daily - 1; i += 1) {
        await login(`guess.${i}.${user.username}`, 'wrong', '203.0.113.7').expect(401);
      }
      await login(user.username, TEST_PASSWORD, '203.0.113.7').expect(200);
      await login(`guess.last.${user.username}`, 'wrong', '203.0.113.7').expect(401);

      const blocked = await login(user.username, TEST_PASSWORD, '203.0.113.7');
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(23 * 3600);
      await login(user.username, TEST_PASSWORD, '203.0.113.8').expect(200);
    });

    it('lets no more than the allowed failures through when guesses arrive at once', async () => {
      const user = await ctx.newUser('assessor');
      const answers = await Promise.all(
        Array.from({ length: max() + 6 }, (_, i) =>
          login(user.username, `guess-${i}`, '198.18.0.1'),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(max());
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    });
  });

  it('falls back to the socket address when X-Forwarded-For is not an address', async () => {
    const res = await ctx.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', 'not-an-ip')
      .send({ username: 'nobody.here', password: 'x' });
    expect(res.status).toBe(401);
  });

  it('never throttles successful logins', async () => {
    const user = await ctx.newUser('assessor');
    for (let i = 0; i < ctx.config.auth.loginMaxFailures + 2; i += 1) {
      await ctx.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '192.0.2.44')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(200);
    }
  });
});
