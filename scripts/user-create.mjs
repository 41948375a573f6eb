#!/usr/bin/env node
// npm run user:create -- --username <name> --role admin [--area <code>] [--display-name <name>]
//                        [--password-stdin]
// Creates a user on the configured database (DATABASE_URL, or the project-local PostgreSQL when
// it is unset, started for the command and stopped after), migrating it first. Prints a
// generated password once, or takes one from standard input.
import { ensureDependencies } from './lib/deps.mjs';
import { appEnv, run } from './lib/util.mjs';

ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
const services = await ensureServices();
const env = appEnv(services);
let code = 0;
try {
  code = await run('node', ['dist/migrations/cli.js', 'run'], {
    env,
    // Keep standard input for the password: the migration must not read it.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (code === 0) {
    code = await run('node', ['dist/apps/api/src/cli/user-create.js', ...process.argv.slice(2)], {
      env,
    });
  }
} finally {
  await services.stop();
}
process.exit(code);
