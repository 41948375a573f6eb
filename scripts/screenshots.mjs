#!/usr/bin/env node
// `npm run screenshots`: the README's pictures of the console, docs/screenshots/<page>.png at
// 1440×900 (tests/browser/screenshots.pw.ts, playwright.screenshots.config.ts). Installs if
// needed, makes sure chromium is there, builds, starts (or reuses) PostgreSQL and Redis, and lets
// the browser harness start its own API and matcher on a fresh demo database. With
// ONEDOOR_BASE_URL set it shoots that running stack instead (no build, no services). Extra
// arguments go to Playwright (e.g. `-- -g household` for one page).
import { ensureDependencies } from './lib/deps.mjs';
import { log, run } from './lib/util.mjs';

ensureDependencies();
const { ensureChromium, ensureServices } = await import('./lib/services.mjs');
const env = {
  ...process.env,
  CHROMIUM_PATH: ensureChromium(),
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};
const playwright = () =>
  run(
    'npx',
    ['playwright', 'test', '-c', 'playwright.screenshots.config.ts', ...process.argv.slice(2)],
    {
      env,
    },
  );

let code;
if (process.env.ONEDOOR_BASE_URL) {
  log('screenshots', `of the stack at ${process.env.ONEDOOR_BASE_URL}`);
  code = await playwright();
} else {
  if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
  const services = await ensureServices();
  env.TEST_ADMIN_DATABASE_URL = services.adminDatabaseUrl;
  env.REDIS_URL = services.redisUrl;
  try {
    code = await playwright();
  } finally {
    await services.stop();
  }
}
log('screenshots', code === 0 ? 'saved under docs/screenshots/' : 'some pages failed (see above)');
process.exit(code);
