import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Agent, get, request } from 'node:http';
import { eventually } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';
import { freePort } from './support/throwaway-redis';

const root = join(__dirname, '..', '..');
const REQUESTS = 50;
const EXIT_WITHIN_MS = 5_000;

type Outcome = { name: string; status?: number; error?: string };

/** One request on a keep-alive agent: its status once the whole answer is read, or the error. */
function send(agent: Agent, port: number, path: string, token: string, body?: object) {
  return new Promise<{ status?: number; error?: string }>((resolve) => {
    const payload = body ? JSON.stringify(body) : '';
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: token,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', (e) => resolve({ error: e.message }));
        res.on('aborted', () => resolve({ error: 'aborted' }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(payload);
  });
}

describe('SIGTERM to the API with requests in flight (e2e)', () => {
  let ctx: TestContext;
  let api: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await ctx.close();
  });

  it('answers every request it accepted, never resets one whose write committed, exits 0 in seconds', async () => {
    const port = await freePort();
    // The compiled API as it runs (`npm test` builds first), on the run's database and Redis.
    api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (c) => (output += c));
    api.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      api!.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    await eventually(
      async () => {
        if (api!.exitCode !== null) throw new Error(`the API exited:\n${output}`);
        return new Promise<boolean>((resolve) =>
          get({ host: '127.0.0.1', port, path: '/api/health/live', agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          }).on('error', () => resolve(false)),
        );
      },
      30_000,
      'the API to listen',
    );

    const admin = await ctx.tokenFor('admin');
    const city = await ctx.newArea('city');
    const tag = randomUUID().slice(0, 8);
    // Keep-alive sockets, as a proxy or a browser holds them: warmed up, then idle.
    const agent = new Agent({ keepAlive: true, maxSockets: REQUESTS });
    const warm = await Promise.all(
      Array.from({ length: 10 }, () => send(agent, port, '/api/health/live', '')),
    );
    expect(warm.every((w) => w.status === 200)).toBe(true);

    const names = Array.from({ length: REQUESTS }, (_, i) => `shutdown-${tag}-${i}`);
    let firstAnswered!: () => void;
    const oneAnswered = new Promise<void>((r) => (firstAnswered = r));
    const outcomes: Promise<Outcome>[] = names.map((name, i) =>
      send(agent, port, '/api/areas', admin, {
        parentId: city.id,
        level: 'district',
        code: `SD-${tag}-${i}`,
        name,
        minimumLivingStandardFen: 110_000,
      }).then((o) => {
        firstAnswered();
        return { name, ...o };
      }),
    );
    // SIGTERM as soon as the first write is answered: the rest are in flight.
    await oneAnswered;
    const signalledAt = Date.now();
    api.kill('SIGTERM');
    const results = await Promise.all(outcomes);
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      exited,
      new Promise<{ code: null; at: number }>((r) => {
        timer = setTimeout(() => r({ code: null, at: Date.now() }), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
    agent.destroy();

    const written = new Set(
      (
        await ctx.dataSource.query(`SELECT name FROM area WHERE name LIKE $1`, [
          `shutdown-${tag}-%`,
        ])
      ).map((r: { name: string }) => r.name),
    );
    // A connection error is only acceptable when nothing was written for that request.
    const resetAfterCommit = results.filter((r) => r.error && written.has(r.name));
    const answered = results.filter((r) => r.status !== undefined);
    expect(resetAfterCommit).toEqual([]);
    // Every 201 is a row, and every row was answered 201.
    expect(
      answered
        .filter((r) => r.status === 201)
        .map((r) => r.name)
        .sort(),
    ).toEqual([...written].sort());
    expect(answered.every((r) => r.status === 201 || r.status === 503)).toBe(true);
    expect(answered.length).toBeGreaterThan(1);
    expect({ code: exit.code, withinLimit: exit.at - signalledAt < EXIT_WITHIN_MS }).toEqual({
      code: 0,
      withinLimit: true,
    });
  });
});
