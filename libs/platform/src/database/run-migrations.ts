import type { DataSource, Migration } from 'typeorm';

/** An arbitrary constant: every OneDoor process agrees on it, nothing else in the DB uses it. */
export const MIGRATION_LOCK_KEY = 7_302_158_421;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that an API and a
 * matcher starting at the same moment do not both try to apply the same migration: the
 * second waits, then finds nothing pending.
 */
export async function runMigrationsWithLock(dataSource: DataSource): Promise<Migration[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockRunner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await lockRunner.release();
  }
}

/** Reverts every applied migration, newest first (used by the migration round-trip test). */
export async function revertAllMigrations(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  // undoLastMigration is a no-op once nothing is applied; the count guards against a loop.
  for (;;) {
    const applied = await dataSource.query(
      `SELECT count(*)::int AS n FROM ${dataSource.options.migrationsTableName ?? 'migrations'}`,
    );
    if (applied[0].n === 0) return reverted;
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted += 1;
  }
}
