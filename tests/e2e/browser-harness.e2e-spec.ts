import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { assertBuilt, startStack, stopStack } from '../browser/support/stack';

const servicesModule = pathToFileURL(join(__dirname, '..', '..', 'scripts/lib/services.mjs')).href;

/** missingBrowserPackages (scripts/lib/services.mjs, an ES module) with faked probes. */
function missingPackages(probe: {
  chromiumPath?: string;
  present: string[];
  chineseFont: boolean;
}): { missing?: string[]; error?: string } {
  const script = `
    import { missingBrowserPackages } from ${JSON.stringify(servicesModule)};
    const probe = JSON.parse(process.argv[1]);
    try {
      const missing = missingBrowserPackages({
        chromiumPath: probe.chromiumPath,
        exists: (p) => probe.present.includes(p),
        chineseFont: () => probe.chineseFont,
      });
      console.log(JSON.stringify({ missing }));
    } catch (e) {
      console.log(JSON.stringify({ error: e.message }));
    }
  `;
  const res = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(probe)],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout);
}

describe('the browser tests need chromium and a Chinese font (scripts/lib/services.mjs)', () => {
  it('asks apt for chromium when /usr/bin/chromium is missing, and for fonts-noto-cjk when no font covers Chinese', () => {
    expect(
      missingPackages({ chromiumPath: '/usr/bin/chromium', present: [], chineseFont: false }),
    ).toEqual({ missing: ['chromium', 'fonts-noto-cjk'] });
    expect(
      missingPackages({
        chromiumPath: '/usr/bin/chromium',
        present: ['/usr/bin/chromium'],
        chineseFont: true,
      }),
    ).toEqual({ missing: [] });
    expect(
      missingPackages({
        chromiumPath: '/usr/bin/chromium',
        present: ['/usr/bin/chromium'],
        chineseFont: false,
      }),
    ).toEqual({ missing: ['fonts-noto-cjk'] });
  });

  it('never installs over a CHROMIUM_PATH that names another browser: a missing one is an error', () => {
    expect(
      missingPackages({ chromiumPath: '/opt/chrome/chrome', present: [], chineseFont: true }),
    ).toEqual({ error: expect.stringContaining('CHROMIUM_PATH is /opt/chrome/chrome') });
  });
});

describe('the browser tests’ own stack (tests/browser/support/stack.ts)', () => {
  it('refuses to start without the built console, saying how to build it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'onedoor-unbuilt-'));
    try {
      expect(() => assertBuilt(empty)).toThrow(
        /apps\/console\/dist is missing.*node scripts\/build\.mjs/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('serves the console and the demo district from a fresh database, and leaves nothing behind once stopped', async () => {
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
    const { baseURL, state } = await startStack();
    let stopped = false;
    try {
      expect(state.database).toMatch(/^onedoor_browser_/);
      expect(state.pids).toHaveLength(2);
      const page = await fetch(`${baseURL}/login`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const login = await fetch(`${baseURL}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'civil.street', password: 'onedoor-demo' }),
      });
      expect(login.status).toBe(200);

      await stopStack(state);
      stopped = true;
      for (const pid of state.pids) expect(() => process.kill(-pid, 0)).toThrow();
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        state.database,
      ]);
      await admin.end();
      expect(rowCount).toBe(0);
      const redis = new IORedis(state.redisUrl);
      const left: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.queuePrefix}:*`);
        left.push(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
      expect(left).toEqual([]);
    } finally {
      if (!stopped) await stopStack(state);
    }
  }, 180_000);
});
