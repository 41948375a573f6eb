#!/usr/bin/env node
// `npm run bench`: benchmarks under tests/bench/, each on a throw-away database. Never part of
// `npm test`: they print figures (ratios within one run), they assert nothing about time.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';
import { appEnv, log, root, run } from './lib/util.mjs';

ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
const services = await ensureServices();
const { Client } = createRequire(join(root, 'package.json'))('pg');
const database = `onedoor_bench_${randomBytes(3).toString('hex')}`;
const admin = new Client({ connectionString: services.adminDatabaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}"`);
let code = 0;
try {
  const url = new URL(services.adminDatabaseUrl);
  url.pathname = `/${database}`;
  const env = appEnv(
    { ...services, databaseUrl: url.toString() },
    { LOG_LEVEL: 'warn', QUEUE_PREFIX: `onedoor-bench-${database}` },
  );
  if ((await run('node', ['dist/migrations/cli.js', 'run'], { env })) !== 0)
    throw new Error('migrations failed');
  const only = process.argv[2];
  for (const file of readdirSync(join(root, 'tests/bench')).filter((f) =>
    f.endsWith('.bench.mjs'),
  )) {
    if (only && !file.includes(only)) continue;
    log('bench', file);
    code ||= await run('node', ['--expose-gc', join('tests/bench', file)], { env });
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await services.stop();
}
process.exit(code);
