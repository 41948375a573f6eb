import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ACCOUNTS_ENTITIES } from '@onedoor/accounts';
import { AREAS_ENTITIES } from '@onedoor/areas';
import { CASEWORK_ENTITIES } from '@onedoor/casework';
import { HOUSEHOLDS_ENTITIES } from '@onedoor/households';
import { LEDGER_ENTITIES } from '@onedoor/ledger';
import { MATCHING_ENTITIES } from '@onedoor/matching';
import { RELIEF_ENTITIES } from '@onedoor/relief';
import { NOTIFICATIONS_ENTITIES, WEBHOOKS_ENTITIES } from '@onedoor/notifications';
import { PROCUREMENT_ENTITIES } from '@onedoor/procurement';
import { RESOURCES_ENTITIES } from '@onedoor/resources';
import { buildDataSourceOptions, PLATFORM_ENTITIES } from '@onedoor/platform';
import { MIGRATIONS } from './index';

/** Every entity of every lib: what `migration:generate` compares the database against. */
export const ALL_ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...AREAS_ENTITIES,
  ...RESOURCES_ENTITIES,
  ...ACCOUNTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...HOUSEHOLDS_ENTITIES,
  ...LEDGER_ENTITIES,
  ...MATCHING_ENTITIES,
  ...RELIEF_ENTITIES,
  ...PROCUREMENT_ENTITIES,
  ...CASEWORK_ENTITIES,
  ...WEBHOOKS_ENTITIES,
];

/** Builds the CLI's data source for a database URL. */
export function createCliDataSource(url: string): DataSource {
  return new DataSource(
    buildDataSourceOptions({
      url,
      entities: ALL_ENTITIES,
      migrations: MIGRATIONS,
      applicationName: 'onedoor-cli',
    }),
  );
}
