import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  applicationName?: string;
}

/**
 * The one set of connection options, shared by the Nest apps and the TypeORM CLI so that
 * both see the same naming strategy and migrations. `synchronize` is never on here:
 * schema changes go through migrations/.
 */
export function buildDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities ?? [],
    migrations: parts.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    // Nor any other extension: a migration creates what the schema needs, once.
    installExtensions: false,
    // `findOneBy({ id: null })` must fail, not match any row.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    applicationName: parts.applicationName ?? 'onedoor',
    extra: { max: 10 },
  };
}
