import { Client } from 'pg';

/** Drops the run's database (kept when KEEP_TEST_DB=1, for a look after a failure). */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.TEST_DATABASE_NAME;
  if (!database || process.env.KEEP_TEST_DB === '1') return;
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}
