import { Clock } from '@onedoor/platform';
import { startApi, TestContext, TEST_PASSWORD } from './support/test-app';

describe('Auth (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

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
      message: 'Invalid username or password',
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

  it('throttles repeated failures per username with 429 and Retry-After', async () => {
    const user = await ctx.newUser('assessor');
    const max = ctx.config.auth.loginMaxFailures;
    for (let i = 0; i < max; i += 1) {
      // A different client address each time: only the per-username limit can trip.
      await ctx.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ username: user.username, password: 'wrong' })
        .expect(401);
    }
    const blocked = await ctx.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.200')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("releases a throttled username once the app's Clock passes the window", async () => {
    const user = await ctx.newUser('assessor');
    const { loginMaxFailures: max, loginFailureWindowMinutes: window } = ctx.config.auth;
    for (let i = 0; i < max; i += 1) {
      await ctx.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.101.${i + 1}`)
        .send({ username: user.username, password: 'wrong' })
        .expect(401);
    }
    const login = () =>
      ctx.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.101.200')
        .send({ username: user.username, password: TEST_PASSWORD });
    expect((await login()).status).toBe(429);
    const moved = jest
      .spyOn(ctx.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + (window + 1) * 60_000));
    try {
      expect((await login()).status).toBe(200);
    } finally {
      moved.mockRestore();
    }
  });

  it('throttles repeated failures per client address', async () => {
    const max = ctx.config.auth.loginMaxFailures;
    for (let i = 0; i < max; i += 1) {
      await ctx.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ username: `guess.${i}`, password: 'wrong' })
        .expect(401);
    }
    const user = await ctx.newUser('assessor');
    const blocked = await ctx.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    const elsewhere = await ctx.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.8')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });

  it('lets no more than the allowed failures through when guesses arrive at once', async () => {
    const user = await ctx.newUser('assessor');
    const max = ctx.config.auth.loginMaxFailures;
    const answers = await Promise.all(
      Array.from({ length: max + 6 }, (_, i) =>
        ctx.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', `198.18.0.${i + 1}`)
          .send({ username: user.username, password: `guess-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(max);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
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
