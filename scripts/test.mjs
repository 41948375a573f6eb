#!/usr/bin/env node
// `npm test`: install if needed, lint, type check, unit tests, build, then the e2e suite on
// real PostgreSQL and Redis (local ones started here when DATABASE_URL / REDIS_URL are
// unset, and stopped at the end). Extra arguments go to the e2e jest run.
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
let code = 1;
try {
  log('test', 'e2e tests…');
  code = await run(
    'npx',
    [
      'jest',
      '--config',
      'jest.config.js',
      '--selectProjects',
      'e2e',
      '--runInBand',
      ...process.argv.slice(2),
    ],
    {
      env: {
        ...process.env,
        TEST_ADMIN_DATABASE_URL: services.adminDatabaseUrl,
        REDIS_URL: services.redisUrl,
      },
    },
  );
} finally {
  await services.stop();
}
log(
  'test',
  `${code === 0 ? 'all passed' : 'e2e tests failed'} in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(code);
