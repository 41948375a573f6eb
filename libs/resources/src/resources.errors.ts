import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The resources lib's error codes (providers, categories, resources) and their HTTP statuses. */
export const RESOURCES_ERRORS = {
  PROVIDER_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROVIDER_USCC_TAKEN: HttpStatus.CONFLICT,
  PROVIDER_NOT_VERIFIED: HttpStatus.CONFLICT,
  PROVIDER_INVALID_TRANSITION: HttpStatus.CONFLICT,
  // A category code given in a request names no category (a bad input, hence 400).
  CATEGORY_NOT_FOUND: HttpStatus.BAD_REQUEST,
  CATEGORY_CODE_TAKEN: HttpStatus.CONFLICT,
  RESOURCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  RESOURCE_INVALID_TRANSITION: HttpStatus.CONFLICT,
  RESOURCE_NOT_EDITABLE: HttpStatus.CONFLICT,
  RESOURCE_CAPACITY_BELOW_COMMITTED: HttpStatus.CONFLICT,
  RESOURCE_COVERAGE_OUT_OF_REACH: HttpStatus.BAD_REQUEST,
  ELIGIBILITY_RULES_INVALID: HttpStatus.BAD_REQUEST,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof RESOURCES_ERRORS> {}
}
