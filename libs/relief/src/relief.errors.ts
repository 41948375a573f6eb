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
  /** A grant that does not exist or is outside the caller's scope. */
  GRANT_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The amount is above the approver's delegated limit: the level above may grant it. */
  GRANT_ABOVE_LIMIT: HttpStatus.FORBIDDEN,
  /** The grant is not in the state the action needs (approve/reject a requested one, pay an approved one). */
  GRANT_STATE_CONFLICT: HttpStatus.CONFLICT,
  /** The fund cannot pay the amount: its balance is lower (nothing was written). */
  FUND_INSUFFICIENT: HttpStatus.CONFLICT,
  /** The fund is closed: it pays nothing. */
  FUND_INACTIVE: HttpStatus.CONFLICT,
  /** The fund's budget period has ended: it pays nothing more (params: periodEnd). */
  FUND_PERIOD_ENDED: HttpStatus.CONFLICT,
  /** A limit is set by admin or by staff of an area strictly above, never by the area's own staff. */
  GRANT_LIMIT_FORBIDDEN: HttpStatus.FORBIDDEN,
  // donations
  /** A donation that does not exist or whose fund is outside the caller's scope. */
  DONATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** Received or cancelled already: only a pledge can be received or cancelled. */
  DONATION_NOT_PLEDGED: HttpStatus.CONFLICT,
  // leads
  /** A lead that does not exist, is outside the caller's scope, or (reporters) not their own. */
  LEAD_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The lead's status does not allow the step (e.g. linking a closed lead). */
  LEAD_STATE_INVALID: HttpStatus.CONFLICT,
  /** The household to link does not exist or is outside the caller's scope. */
  LEAD_HOUSEHOLD_NOT_FOUND: HttpStatus.NOT_FOUND,
  // intake
  /** An intake that does not exist or is outside the caller's scope. */
  RELIEF_INTAKE_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The intake's lead does not exist or is outside the caller's scope. */
  RELIEF_INTAKE_LEAD_NOT_FOUND: HttpStatus.NOT_FOUND,
  // follow-up
} as const satisfies ErrorStatusTable;

export type ReliefErrorCode = CodesOf<typeof RELIEF_ERRORS>;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof RELIEF_ERRORS> {}
}
