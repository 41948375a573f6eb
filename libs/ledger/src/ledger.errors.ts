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
  /** A stacking rule that does not exist. */
  STACKING_RULE_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** A rule for that category or that pair of resources exists already (edit it instead). */
  STACKING_RULE_DUPLICATE: HttpStatus.CONFLICT,
  /** The rule's shape: a category or a pair, a period iff once_per_period, known ids (details). */
  STACKING_RULE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  /** An approval that the stacking rules refuse (params name the rule and the benefit). */
  STACKING_CONFLICT: HttpStatus.CONFLICT,
  // lookup
  /** The identity number asked about fails its check (format, birth date, check digit). */
  ASSISTANCE_LOOKUP_ID_NUMBER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  /** The user asked more lookups than their per-minute or per-day limit (Retry-After). */
  ASSISTANCE_LOOKUP_RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // imports
  /** A roll import that does not exist or that the caller may not follow. */
  ASSISTANCE_IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  // reports
} as const satisfies ErrorStatusTable;

export type LedgerErrorCode = CodesOf<typeof LEDGER_ERRORS>;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof LEDGER_ERRORS> {}
}
