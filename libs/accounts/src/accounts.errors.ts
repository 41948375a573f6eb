import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The accounts lib's error codes and their HTTP statuses. */
export const ACCOUNTS_ERRORS = {
  /** The password fails the strength rule; `details` names the rule and the hints. */
  WEAK_PASSWORD: HttpStatus.BAD_REQUEST,
  /** Changing one's own password: the current password given is wrong. */
  CURRENT_PASSWORD_WRONG: HttpStatus.BAD_REQUEST,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  /** The user does not exist, or lies outside the caller's reach (the same answer). */
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The change would leave no active admin. */
  LAST_ADMIN: HttpStatus.CONFLICT,
  /** A set-password token that was used, replaced or has expired (or never existed). */
  SET_PASSWORD_TOKEN_GONE: HttpStatus.GONE,
  /** A refresh token that is unknown, expired, revoked or already rotated. */
  REFRESH_TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  SESSION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** Role, area, organization and evaluator type that do not fit together. */
  USER_FIELDS_INVALID: HttpStatus.BAD_REQUEST,
  /** The application does not exist, or its home area lies outside the caller's scope. */
  PROVIDER_APPLICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** An application with this USCC is already pending. */
  PROVIDER_APPLICATION_DUPLICATE: HttpStatus.CONFLICT,
  /** The application was already approved or rejected. */
  PROVIDER_APPLICATION_DECIDED: HttpStatus.CONFLICT,
  // contracted workers
  /**
   * A contracted worker's contract is not one their creator may staff: unknown or another
   * organization's, not active, outside its period, or not a social-work organization's.
   */
  CONTRACT_NOT_LIVE: HttpStatus.UNPROCESSABLE_ENTITY,
  /** A contracted worker's area lies outside their contract's area. */
  CONTRACTED_WORKER_OUT_OF_AREA: HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof ACCOUNTS_ERRORS> {}
}
