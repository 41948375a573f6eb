#!/usr/bin/env node
// `npm run up`: install if needed, build, start (or reuse) PostgreSQL and Redis, migrate,
// load the demo district, then run the API and the matcher until Ctrl-C, which stops
// everything started here. An app that crashes is started again (with backoff) while the
// other keeps serving.
import { ensureDependencies } from './lib/deps.mjs';
import { superviseAll } from './lib/supervise.mjs';
import { appEnv, log, root, run } from './lib/util.mjs';

ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);

const services = await ensureServices();
const env = appEnv(services);
let apps;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('up', 'stopping…');
  await apps?.stop();
  await services.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  for (const [name, args] of [
    ['migrate', ['dist/migrations/cli.js', 'run']],
    ['demo data', ['dist/apps/api/src/seed/main.js']],
  ]) {
    log('up', `${name}…`);
    if ((await run('node', args, { env })) !== 0) throw new Error(`${name} failed`);
  }
} catch (error) {
  log('up', error.message);
  await shutdown(1);
}

apps = superviseAll(
  [
    ['api', 'dist/apps/api/src/main.js'],
    ['matcher', 'dist/apps/matcher/src/main.js'],
  ].map(([name, entry]) => ({
    name,
    command: process.execPath,
    args: [entry],
    // Detached: Ctrl-C reaches this script, which stops the apps first, then the servers.
    options: {
      cwd: root,
      env: { ...env, SERVICE_NAME: `onedoor-${name}` },
      stdio: 'inherit',
      detached: true,
    },
  })),
  {
    log: (message) => log('up', message),
    onFatal: () => void shutdown(1),
  },
);
const port = env.PORT ?? 3000;
log(
  'up',
  `console on http://localhost:${port}/ — API on http://localhost:${port}/api — Swagger UI at http://localhost:${port}/docs — demo users' password: onedoor-demo`,
);
log('up', 'Ctrl-C stops the API, the matcher and the services started here.');
