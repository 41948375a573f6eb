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
  /** A household that does not exist or is outside the caller's scope or reach. */
  ASSISTANCE_HOUSEHOLD_NOT_FOUND: HttpStatus.NOT_FOUND,
  /**
   * No household within the caller's reach lists this identity number (the same answer whether
   * the person is unknown or lives elsewhere: it reveals nothing).
   */
  ASSISTANCE_PERSON_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The entry is voided already. */
  ASSISTANCE_ENTRY_VOIDED: HttpStatus.CONFLICT,
  /** A referral's delivery entry follows its referral: it is not voided by hand. */
  ASSISTANCE_ENTRY_NOT_VOIDABLE: HttpStatus.CONFLICT,
  // stacking
  // lookup
  // imports
  // reports
} as const satisfies ErrorStatusTable;

export type LedgerErrorCode = CodesOf<typeof LEDGER_ERRORS>;

// The skeleton left this out: without it no part's code is an ErrorCode a DomainError takes.
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof LEDGER_ERRORS> {}
}
