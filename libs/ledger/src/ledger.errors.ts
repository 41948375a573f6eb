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
  /** The identity number asked about fails its check (format, birth date, check digit). */
  ASSISTANCE_LOOKUP_ID_NUMBER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  /** The user asked more lookups than their per-minute or per-day limit (Retry-After). */
  ASSISTANCE_LOOKUP_RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // imports
  // reports
} as const satisfies ErrorStatusTable;

export type LedgerErrorCode = CodesOf<typeof LEDGER_ERRORS>;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof LEDGER_ERRORS> {}
}
