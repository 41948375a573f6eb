#!/usr/bin/env node
// `npm run up`: install if needed, build, start (or reuse) PostgreSQL and Redis, migrate,
// load the demo district, then run the API and the matcher until Ctrl-C, which stops
// everything started here.
import { ensureDependencies } from './lib/deps.mjs';
import { appEnv, log, run } from './lib/util.mjs';
import { spawn } from 'node:child_process';

ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);

const services = await ensureServices();
const env = appEnv(services);
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('up', 'stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
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

for (const [name, entry] of [
  ['api', 'dist/apps/api/src/main.js'],
  ['matcher', 'dist/apps/matcher/src/main.js'],
]) {
  const child = spawn('node', [entry], {
    env: { ...env, SERVICE_NAME: `onedoor-${name}` },
    stdio: 'inherit',
    detached: true,
  });
  child.on('exit', (code) => {
    if (!stopping) {
      log('up', `${name} exited (${code}); stopping the rest`);
      void shutdown(code ?? 1);
    }
  });
  children.push(child);
}
const port = env.PORT ?? 3000;
log(
  'up',
  `API on http://localhost:${port} — Swagger UI at http://localhost:${port}/docs — demo users' password: onedoor-demo`,
);
log('up', 'Ctrl-C stops the API, the matcher and the services started here.');
