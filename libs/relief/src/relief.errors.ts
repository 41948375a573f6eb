import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/**
 * The relief lib's error codes and their HTTP statuses, by part. Each part (funds, grants,
 * donations, leads, intake, follow-up) keeps its codes in its own block.
 */
export const RELIEF_ERRORS = {
  // funds
  /** A fund that does not exist or is outside the caller's scope. */
  RELIEF_FUND_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** A closed fund receives nothing (no allocation, no donation received). */
  RELIEF_FUND_CLOSED: HttpStatus.CONFLICT,
  /** Donations go into a donation fund (a special account), not into a reserve fund's budget. */
  RELIEF_FUND_NOT_DONATION_FUND: HttpStatus.CONFLICT,
  // grants
  // donations
  /** A donation that does not exist or whose fund is outside the caller's scope. */
  DONATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** Received or cancelled already: only a pledge can be received or cancelled. */
  DONATION_NOT_PLEDGED: HttpStatus.CONFLICT,
  // leads
  // intake
  // follow-up
} as const satisfies ErrorStatusTable;

export type ReliefErrorCode = CodesOf<typeof RELIEF_ERRORS>;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof RELIEF_ERRORS> {}
}
