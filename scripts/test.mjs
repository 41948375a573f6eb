#!/usr/bin/env node
// `npm test`: install if needed, then the tiers in order: lint, type check, unit tests, build
// (the API and the console), service tests, e2e tests, browser tests. Service, e2e and browser
// tests run on real PostgreSQL and Redis (local ones started here when DATABASE_URL / REDIS_URL
// are unset, and stopped at the end); the browser tests start their own API and matcher on a
// fresh database (tests/browser/support/stack.ts) and drive Debian's chromium, installed here
// with apt when missing. Extra arguments go to the e2e jest run.
import { ensureDependencies } from './lib/deps.mjs';
import { log, run } from './lib/util.mjs';

const started = Date.now();
ensureDependencies();
const { ensureChromium, ensureServices } = await import('./lib/services.mjs');
// First, so a machine that cannot get a browser fails in seconds, not after the other tiers.
const chromiumPath = ensureChromium();

const step = async (name, command, args, options) => {
  log('test', `${name}…`);
  const code = await run(command, args, options);
  if (code !== 0) {
    log('test', `${name} failed (exit ${code})`);
    process.exit(code);
  }
};

await step('lint', 'npm', ['run', '--silent', 'lint']);
await step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
await step('unit tests', 'npx', ['jest', '--config', 'jest.config.js', '--selectProjects', 'unit']);
await step('build', 'node', ['scripts/build.mjs']);
// The console's types come from the API's document, which the build writes: checked after it.
await step('console type check', 'npx', ['tsc', '-p', 'apps/console', '--noEmit']);

const services = await ensureServices();
const env = {
  ...process.env,
  TEST_ADMIN_DATABASE_URL: services.adminDatabaseUrl,
  REDIS_URL: services.redisUrl,
};
const jest = (project, ...args) =>
  run('npx', ['jest', '--config', 'jest.config.js', '--selectProjects', project, ...args], {
    env,
  });
let failed = 'e2e tests';
let code = 1;
try {
  log('test', 'service tests…');
  // Two workers, each on its own copy of the migrated database (tests/service/support).
  code = await jest('service', '--maxWorkers=2');
  if (code === 0) {
    log('test', 'e2e tests…');
    // One at a time (they share the e2e database and the matcher), in a worker that jest
    // recycles when it grows (workerIdleMemoryLimit, jest.config.js): not in band.
    code = await jest('e2e', '--maxWorkers=1', ...process.argv.slice(2));
  } else {
    failed = 'service tests';
  }
  if (code === 0) {
    failed = 'browser tests';
    log('test', 'browser tests…');
    // Their own stack, never one ONEDOOR_BASE_URL may point at; one worker (playwright.config.ts).
    const browserEnv = {
      ...env,
      CHROMIUM_PATH: chromiumPath,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    };
    delete browserEnv.ONEDOOR_BASE_URL;
    code = await run('npx', ['playwright', 'test'], { env: browserEnv });
  }
} finally {
  await services.stop();
}
log(
  'test',
  `${code === 0 ? 'all passed' : `${failed} failed`} in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(code);
