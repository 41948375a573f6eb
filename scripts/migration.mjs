#!/usr/bin/env node
// npm run migration:run | migration:revert | migration:generate -- <Name> | migration:create -- <Name> | seed
// Builds, makes sure the services are up (local ones when DATABASE_URL is unset), runs the
// command, and stops whatever it started.
import { join } from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';
import { appEnv, log, root, run } from './lib/util.mjs';

const [command, name] = process.argv.slice(2);
if (['generate', 'create'].includes(command) && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  console.error(`usage: npm run migration:${command} -- <PascalCaseName>`);
  process.exit(2);
}
ensureDependencies();
if (command === 'create') {
  process.exit(
    await run('node', [
      join(root, 'node_modules/typeorm/cli.js'),
      'migration:create',
      `migrations/${name}`,
    ]),
  );
}
const { ensureServices } = await import('./lib/services.mjs');
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
const services = await ensureServices();
const env = appEnv(services);
let code = 0;
try {
  if (command === 'run' || command === 'revert') {
    code = await run('node', ['dist/migrations/cli.js', command], { env });
  } else if (command === 'generate') {
    code = await run('node', ['dist/migrations/cli.js', 'run'], { env });
    if (code === 0) {
      code = await run(
        'node',
        [
          join(root, 'node_modules/typeorm/cli.js'),
          'migration:generate',
          '-d',
          'dist/migrations/cli-data-source.js',
          '-p',
          `migrations/${name}`,
        ],
        { env },
      );
      if (code === 0)
        log(
          'migration',
          'generated: review it, make it reversible, and add it to migrations/index.ts',
        );
    }
  } else if (command === 'seed') {
    code = await run('node', ['dist/migrations/cli.js', 'run'], { env });
    if (code === 0) code = await run('node', ['dist/apps/api/src/seed/main.js'], { env });
  } else {
    console.error(
      'usage: node scripts/migration.mjs run|revert|generate <Name>|create <Name>|seed',
    );
    code = 2;
  }
} finally {
  await services.stop();
}
process.exit(code);
