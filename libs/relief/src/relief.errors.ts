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
  // grants
  // donations
  // leads
  /** A lead that does not exist, is outside the caller's scope, or (reporters) not their own. */
  LEAD_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The lead's status does not allow the step (e.g. linking a closed lead). */
  LEAD_STATE_INVALID: HttpStatus.CONFLICT,
  /** The household to link does not exist or is outside the caller's scope. */
  LEAD_HOUSEHOLD_NOT_FOUND: HttpStatus.NOT_FOUND,
  // intake
  // follow-up
} as const satisfies ErrorStatusTable;

export type ReliefErrorCode = CodesOf<typeof RELIEF_ERRORS>;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof RELIEF_ERRORS> {}
}
