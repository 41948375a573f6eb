#!/usr/bin/env node
// `npm test`: install if needed, then the tiers in order: lint, type check, unit tests, build,
// service tests, e2e tests. Service and e2e run on real PostgreSQL and Redis (local ones
// started here when DATABASE_URL / REDIS_URL are unset, and stopped at the end). Extra
// arguments go to the e2e jest run.
import { ensureDependencies } from './lib/deps.mjs';
import { log, run } from './lib/util.mjs';

const started = Date.now();
ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');

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
    code = await jest('e2e', '--runInBand', ...process.argv.slice(2));
  } else {
    failed = 'service tests';
  }
} finally {
  await services.stop();
}
log(
  'test',
  `${code === 0 ? 'all passed' : `${failed} failed`} in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(code);
