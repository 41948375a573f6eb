import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrationsWithLock } from '@onedoor/platform';
import { createCliDataSource } from '../../../migrations/data-source';

/**
 * One database per jest worker, each a copy (CREATE DATABASE … TEMPLATE) of a database the
 * real migrations were run on once. Not a transaction rolled back per test: services open
 * their own transactions through `DataSource.transaction`, which TypeORM cannot nest inside
 * a test's (it would need one shared query runner and savepoints), and some cases need two
 * real connections at once (two completions racing on a row lock). Tests make their own
 * uniquely named data, so the files a worker runs in turn can share its database; a worker
 * never shares it with another, so counts over a whole table (HSDS export, expiry sweeps) and
 * a new template version stay the worker's own.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl || !process.env.REDIS_URL) {
    throw new Error(
      'service tests need TEST_ADMIN_DATABASE_URL (or DATABASE_URL) and REDIS_URL: run them with `npm test`',
    );
  }
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const prefix = `onedoor_svc_${run}`;
  const template = `${prefix}_template`;
  const urlOf = (database: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
    const dataSource = createCliDataSource(urlOf(template));
    await dataSource.initialize();
    await runMigrationsWithLock(dataSource);
    await dataSource.destroy();
    // JEST_WORKER_ID runs from 1 to maxWorkers (1 with --runInBand).
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
      await admin.query(`CREATE DATABASE "${prefix}_w${worker}" TEMPLATE "${template}"`);
    }
  } finally {
    await admin.end();
  }

  Object.assign(process.env, {
    TEST_ADMIN_DATABASE_URL: adminUrl,
    TEST_DATABASE_PREFIX: prefix,
    TEST_WORKER_COUNT: String(Math.max(1, globalConfig.maxWorkers)),
    DATABASE_URL: urlOf(template),
    QUEUE_PREFIX: `onedoor-svc-${run}`,
    NODE_ENV: 'test',
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The template is migrated; a worker's copy needs no migration run at boot.
    DB_MIGRATE_ON_START: 'false',
  });
}
