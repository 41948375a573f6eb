#!/usr/bin/env node
// `npm run services`: start (or reuse) PostgreSQL and Redis and keep them up until Ctrl-C.
import { ensureDependencies } from './lib/deps.mjs';
import { log } from './lib/util.mjs';

ensureDependencies();
const { ensureServices } = await import('./lib/services.mjs');
const services = await ensureServices();
log('services', `DATABASE_URL=${services.databaseUrl}`);
log('services', `REDIS_URL=${services.redisUrl}`);
log('services', 'Ctrl-C stops what was started here.');
const shutdown = async () => {
  await services.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
setInterval(() => undefined, 1 << 30);
