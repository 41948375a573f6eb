import 'reflect-metadata';
import { loadConfig, runMigrationsWithLock } from '@onedoor/platform';
import { createCliDataSource } from './data-source';

/** `run` applies pending migrations (under the advisory lock); `revert` undoes the last one. */
async function main(command: string | undefined): Promise<void> {
  const dataSource = createCliDataSource(loadConfig().database.url);
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrationsWithLock(dataSource);
      console.log(
        applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply',
      );
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      throw new Error(`unknown command "${command}" (run | revert)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
