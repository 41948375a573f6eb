import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The matching lib's error codes (proposals, approvals, referrals) and their HTTP statuses. */
export const MATCHING_ERRORS = {
  MATCH_NOT_FOUND: HttpStatus.NOT_FOUND,
  MATCH_NOT_PROPOSED: HttpStatus.CONFLICT,
  // Declared here, not in resources: approvals are what run into a full or unavailable resource.
  RESOURCE_CAPACITY_EXHAUSTED: HttpStatus.CONFLICT,
  RESOURCE_UNAVAILABLE: HttpStatus.CONFLICT,
  NEED_ALREADY_SERVED: HttpStatus.CONFLICT,
  REFERRAL_NOT_FOUND: HttpStatus.NOT_FOUND,
  REFERRAL_INVALID_TRANSITION: HttpStatus.CONFLICT,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof MATCHING_ERRORS> {}
}
