import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import IORedis from 'ioredis';

/**
 * The stack the browser tests run against when ONEDOOR_BASE_URL is not set: a fresh database
 * (migrated, with the demo district), the compiled API serving the built console, and the
 * compiled matcher on a queue prefix of its own, on the PostgreSQL and Redis the test command
 * started. Setup and teardown run in Playwright's runner process; what teardown needs travels in
 * STACK_ENV, so it does not depend on both files sharing module state.
 */
export const STACK_ENV = 'ONEDOOR_BROWSER_STACK';

export const root = join(__dirname, '..', '..', '..');
/** Playwright empties test-results/ before the global setup, so each run's logs start fresh. */
export const logDir = join(root, 'test-results', 'stack');

export interface StackState {
  adminUrl: string;
  database: string;
  redisUrl: string;
  queuePrefix: string;
  /** Process-group leaders (the API and the matcher are started detached). */
  pids: number[];
}

const BUILT = {
  console: 'apps/console/dist/index.html',
  api: 'dist/apps/api/src/main.js',
  matcher: 'dist/apps/matcher/src/main.js',
  migrations: 'dist/migrations/cli.js',
  seed: 'dist/apps/api/src/seed/main.js',
};

/** Fails at once, naming the missing build output, instead of a blank page later. */
export function assertBuilt(base = root): void {
  const missing = Object.values(BUILT).filter((file) => !existsSync(join(base, file)));
  if (missing.length === 0) return;
  const what = missing.some((f) => f.startsWith('apps/console'))
    ? 'apps/console/dist is missing (the console is not built)'
    : `the compiled API is missing (${missing.join(', ')})`;
  throw new Error(
    `${what}: run \`node scripts/build.mjs\` first (npm test and npm run screenshots do), ` +
      'or set ONEDOOR_BASE_URL to a running stack.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no output)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Runs a compiled CLI to completion, its output in logDir/<name>.log; throws with its tail. */
function runOnce(
  name: string,
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const log = join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, entry), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${name} failed (exit ${code}); ${log} ends with:\n${tail(log)}`)),
    );
  });
}

/** A long-running process in its own process group (so teardown can end it and its children). */
function startDetached(name: string, entry: string, env: NodeJS.ProcessEnv) {
  const log = join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, [join(root, entry)], {
    cwd: root,
    env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  child.unref();
  return { name, child, log };
}

async function waitFor(
  what: string,
  ms: number,
  probe: () => Promise<boolean>,
  exited: () => string | null,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const why = exited();
    if (why) throw new Error(why);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to each process group, SIGKILL to what is left after `graceMs`. */
export async function killGroups(pids: number[], graceMs = 15_000): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Deletes the run's queue keys (its own prefix only: the Redis is shared). */
async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Stops the processes (whole groups), then drops the database and the queue keys. */
export async function stopStack(state: StackState): Promise<void> {
  await killGroups(state.pids);
  if (process.env.KEEP_TEST_DB === '1') return;
  await dropDatabase(state.adminUrl, state.database);
  await dropQueueKeys(state.redisUrl, state.queuePrefix).catch(() => undefined);
}

/** Starts the stack; returns its base URL and what stopStack needs. */
export async function startStack(): Promise<{ baseURL: string; state: StackState }> {
  assertBuilt();
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!adminUrl || !redisUrl) {
    throw new Error(
      'browser tests need TEST_ADMIN_DATABASE_URL and REDIS_URL to start their own stack ' +
        '(npm test passes them), or ONEDOOR_BASE_URL pointing at a running one',
    );
  }
  mkdirSync(logDir, { recursive: true });
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const state: StackState = {
    adminUrl,
    database: `onedoor_browser_${run}`,
    redisUrl,
    queuePrefix: `onedoor-browser-${run}`,
    pids: [],
  };
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${state.database}"`);
  await admin.end();

  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${state.database}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: state.queuePrefix,
    // Fresh keys per run: nothing signed or encrypted outlives it.
    JWT_SECRET: randomBytes(32).toString('base64url'),
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Into test-results/stack/*.log; the matcher's readiness is read from its `matcher ready`.
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    CONSOLE_DIR: 'apps/console/dist',
    DB_MIGRATE_ON_START: 'false',
    // Every test logs in from 127.0.0.1: one file's wrong passwords must not lock out the rest.
    LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS: '100000',
    // A test that waits on a slow page must not see its session lapse.
    JWT_EXPIRES_IN_SECONDS: '3600',
    // Bidding can close seconds after publishing, as the Clock cannot move in a browser test.
    PROCUREMENT_MIN_BIDDING_HOURS: '0',
  };
  try {
    await runOnce('migrate', BUILT.migrations, ['run'], env);
    await runOnce('seed', BUILT.seed, [], env);
    const api = startDetached('api', BUILT.api, { ...env, SERVICE_NAME: 'onedoor-api' });
    state.pids.push(api.child.pid!);
    const matcher = startDetached('matcher', BUILT.matcher, {
      ...env,
      SERVICE_NAME: 'onedoor-matcher',
    });
    state.pids.push(matcher.child.pid!);
    const exited = () => {
      for (const p of [api, matcher]) {
        if (p.child.exitCode !== null || p.child.signalCode !== null)
          return `the ${p.name} exited (${p.child.exitCode ?? p.child.signalCode}); ${p.log} ends with:\n${tail(p.log)}`;
      }
      return null;
    };
    const baseURL = `http://127.0.0.1:${port}`;
    await waitFor(
      `${baseURL}/api/health/ready`,
      60_000,
      async () => (await fetch(`${baseURL}/api/health/ready`)).ok,
      exited,
    );
    await waitFor(
      'the matcher to log "matcher ready"',
      60_000,
      async () => readFileSync(matcher.log, 'utf8').includes('matcher ready'),
      exited,
    );
    return { baseURL, state };
  } catch (error) {
    await stopStack(state).catch(() => undefined);
    throw error;
  }
}
