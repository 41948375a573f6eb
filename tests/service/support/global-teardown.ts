import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QUEUES } from '@onedoor/platform';

/**
 * Drops the run's databases and empties its queues (both kept when KEEP_TEST_DB=1, for a look
 * after a failure).
 */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.TEST_DATABASE_PREFIX;
  if (!prefix || process.env.KEEP_TEST_DB === '1') return;
  const workers = Number(process.env.TEST_WORKER_COUNT ?? '1');
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    for (let worker = 1; worker <= workers; worker += 1) {
      await admin.query(`DROP DATABASE IF EXISTS "${prefix}_w${worker}" WITH (FORCE)`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${prefix}_template" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, {
      connection: { url: process.env.REDIS_URL! },
      prefix: process.env.QUEUE_PREFIX,
    });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}
