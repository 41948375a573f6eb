import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/**
 * The ledger lib's error codes and their HTTP statuses, by part. Each part (entries, stacking,
 * lookup, imports, reports) keeps its codes in its own block.
 */
export const LEDGER_ERRORS = {
  // entries
  /** An entry that does not exist or is outside the caller's reach. */
  ASSISTANCE_ENTRY_NOT_FOUND: HttpStatus.NOT_FOUND,
  // stacking
  // lookup
  // imports
  /** A roll import that does not exist or that the caller may not follow. */
  ASSISTANCE_IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  // reports
} as const satisfies ErrorStatusTable;

export type LedgerErrorCode = CodesOf<typeof LEDGER_ERRORS>;

declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof LEDGER_ERRORS> {}
}
