import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ERROR_STATUS } from '../../apps/api/src/error-status';
import { startApi, TestContext } from './support/test-app';

/**
 * A TCP proxy in front of the run's PostgreSQL that the test can take down and bring back on the
 * same port: the shared server stays up for everyone else, while this app sees it vanish.
 */
class SwitchableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        this.sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses new connections and cuts the live ones, as a stopped PostgreSQL would. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe('PostgreSQL unreachable (e2e)', () => {
  let ctx: TestContext;
  let proxy: SwitchableProxy;
  let admin: string;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = new SwitchableProxy(target.hostname, Number(target.port || 5432));
    await proxy.up();
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    ctx = await startApi({ DATABASE_URL: viaProxy.toString() });
    admin = await ctx.tokenFor('admin');
  });
  afterAll(async () => {
    await proxy.up();
    await ctx?.close();
    await proxy.down();
  });

  const requests = () => [
    ctx.http.get('/api/areas').set('Authorization', admin),
    ctx.http.post('/api/auth/login').send({ username: 'nobody', password: 'wrong-password' }),
    ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({
        level: 'city',
        code: `T-OUT-${Date.now()}`,
        name: 'Outage city',
      }),
  ];

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while it is down, and serves again once it is back', async () => {
    await ctx.http.get('/api/areas').set('Authorization', admin).expect(200);

    await proxy.down();
    for (const res of await Promise.all(requests())) {
      expect({ status: res.status, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'SERVICE_UNAVAILABLE',
        message: expect.any(String),
      });
      expect(ERROR_STATUS.SERVICE_UNAVAILABLE).toBe(503);
    }

    // Same process, no restart: the pool reconnects on the next request.
    await proxy.up();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt += 1) {
      status = (await ctx.http.get('/api/areas').set('Authorization', admin)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  });
});
