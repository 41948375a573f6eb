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
  // reports
} as const satisfies ErrorStatusTable;

export type LedgerErrorCode = CodesOf<typeof LEDGER_ERRORS>;
