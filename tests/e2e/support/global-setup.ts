import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrationsWithLock } from '@onedoor/platform';
import { createCliDataSource } from '../../../migrations/data-source';

/**
 * A fresh database per run, with the real migrations applied. `npm test` passes the
 * server's admin URL (TEST_ADMIN_DATABASE_URL) and REDIS_URL; the run's database URL is
 * handed to the test files through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl || !process.env.REDIS_URL) {
    throw new Error(
      'e2e tests need TEST_ADMIN_DATABASE_URL (or DATABASE_URL) and REDIS_URL: run them with `npm test`',
    );
  }
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `onedoor_test_${run}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const dataSource = createCliDataSource(url.toString());
  await dataSource.initialize();
  await runMigrationsWithLock(dataSource);
  await dataSource.destroy();

  Object.assign(process.env, {
    TEST_ADMIN_DATABASE_URL: adminUrl,
    TEST_DATABASE_NAME: database,
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `onedoor-test-${run}`,
    NODE_ENV: 'test',
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TRUST_PROXY: '1',
    // Every spec logs in from 127.0.0.1 against one database: the per-address daily limit of
    // failures would let one spec's wrong passwords lock the rest out (auth sets its own).
    LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS: '100000',
    DB_MIGRATE_ON_START: 'true',
    // Specs log in once in beforeAll; the 15-minute default could lapse inside a long file.
    JWT_EXPIRES_IN_SECONDS: process.env.JWT_EXPIRES_IN_SECONDS ?? '3600',
  });
}
