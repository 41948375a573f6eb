import { createServer, type Server } from 'node:net';
import { startApi, TestContext } from './support/test-app';

/** A port that nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Health (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    await ctx.http.get('/api/health/live').expect(200);
    const ready = await ctx.http.get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('reports 503 when Redis is unreachable', async () => {
    const port = await closedPort();
    const broken = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      await broken.http.get('/api/health/live').expect(200);
      // In English the answer keeps the health check's own words.
      const ready = await broken.http.get('/api/health/ready').set('Accept-Language', 'en');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'Not ready: redis unavailable',
      });
      expect(ready.body.details.info.database.status).toBe('up');
      expect(ready.body.details.error.redis.status).toBe('down');
    } finally {
      await broken.close();
    }
  });
});
