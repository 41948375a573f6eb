import { ACCOUNTS_ERRORS } from '@onedoor/accounts';
import { AREAS_ERRORS } from '@onedoor/areas';
import { CASEWORK_ERRORS } from '@onedoor/casework';
import { LEDGER_ERRORS } from '@onedoor/ledger';
import { RELIEF_ERRORS } from '@onedoor/relief';
import { HOUSEHOLDS_ERRORS } from '@onedoor/households';
import { MATCHING_ERRORS } from '@onedoor/matching';
import { NOTIFICATIONS_ERRORS, WEBHOOKS_ERRORS } from '@onedoor/notifications';
import { composeErrorTables, DomainError, PLATFORM_ERRORS, toErrorBody } from '@onedoor/platform';
import { PROCUREMENT_ERRORS } from '@onedoor/procurement';
import { RESOURCES_ERRORS } from '@onedoor/resources';
import { ERROR_STATUS } from './error-status';

describe('ERROR_STATUS', () => {
  const tables = {
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
  };

  it('holds every code of every lib exactly once', () => {
    const declared = Object.values(tables).flatMap((t) => Object.keys(t));
    expect(new Set(declared).size).toBe(declared.length);
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...declared].sort());
  });

  it.each(Object.entries(ERROR_STATUS))('answers domain code %s with status %i', (code, status) => {
    const { body } = toErrorBody(new DomainError(code as never, 'm'), ERROR_STATUS);
    expect(body).toMatchObject({ statusCode: status, code, message: 'm' });
  });

  it('refuses a code declared by two libs', () => {
    expect(() => composeErrorTables(AREAS_ERRORS, { AREA_NOT_FOUND: 404 })).toThrow(
      'Error code AREA_NOT_FOUND is declared by two libs',
    );
  });
});
