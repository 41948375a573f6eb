import { ACCOUNTS_ERRORS } from '@onedoor/accounts';
import { AREAS_ERRORS } from '@onedoor/areas';
import { CASEWORK_ERRORS } from '@onedoor/casework';
import { LEDGER_ERRORS } from '@onedoor/ledger';
import { RELIEF_ERRORS } from '@onedoor/relief';
import { HOUSEHOLDS_ERRORS } from '@onedoor/households';
import { MATCHING_ERRORS } from '@onedoor/matching';
import { NOTIFICATIONS_ERRORS, WEBHOOKS_ERRORS } from '@onedoor/notifications';
import { composeErrorTables, type ErrorStatusMap, PLATFORM_ERRORS } from '@onedoor/platform';
import { PROCUREMENT_ERRORS } from '@onedoor/procurement';
import { RESOURCES_ERRORS } from '@onedoor/resources';

/**
 * The one code → status map of the API: every lib's table. The `satisfies` clause is the
 * compile-time check that no code of `ErrorCode` (which every lib's table extends) is left
 * without a status; composeErrorTables refuses, at start-up, a code declared twice.
 */
export const ERROR_STATUS = composeErrorTables(
  PLATFORM_ERRORS,
  AREAS_ERRORS,
  RESOURCES_ERRORS,
  ACCOUNTS_ERRORS,
  NOTIFICATIONS_ERRORS,
  HOUSEHOLDS_ERRORS,
  MATCHING_ERRORS,
  PROCUREMENT_ERRORS,
  CASEWORK_ERRORS,
  LEDGER_ERRORS,
  RELIEF_ERRORS,
  WEBHOOKS_ERRORS,
) satisfies ErrorStatusMap;
