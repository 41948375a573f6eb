import { HttpStatus } from '@nestjs/common';

/**
 * Every error code the API can answer with, and its HTTP status. The filter looks codes up
 * here, and `satisfies` makes the compiler refuse a code without a status: the mapping is
 * exhaustive by construction. Domain libs add their codes here.
 */
export const ERROR_STATUS = {
  // generic HTTP-level codes
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  TOO_MANY_LOGIN_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  // areas
  AREA_NOT_FOUND: HttpStatus.NOT_FOUND,
  AREA_PARENT_INVALID: HttpStatus.BAD_REQUEST,
  AREA_CODE_TAKEN: HttpStatus.CONFLICT,
  AREA_OUT_OF_SCOPE: HttpStatus.FORBIDDEN,
  // resources: providers, categories, resources
  PROVIDER_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROVIDER_USCC_TAKEN: HttpStatus.CONFLICT,
  PROVIDER_NOT_VERIFIED: HttpStatus.CONFLICT,
  CATEGORY_NOT_FOUND: HttpStatus.BAD_REQUEST,
  CATEGORY_CODE_TAKEN: HttpStatus.CONFLICT,
  RESOURCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  RESOURCE_INVALID_TRANSITION: HttpStatus.CONFLICT,
  RESOURCE_NOT_EDITABLE: HttpStatus.CONFLICT,
  RESOURCE_CAPACITY_BELOW_COMMITTED: HttpStatus.CONFLICT,
  RESOURCE_COVERAGE_OUT_OF_REACH: HttpStatus.BAD_REQUEST,
  ELIGIBILITY_RULES_INVALID: HttpStatus.BAD_REQUEST,
  STALE_VERSION: HttpStatus.CONFLICT,
  // households: households, assessments, needs, import
  HOUSEHOLD_NOT_FOUND: HttpStatus.NOT_FOUND,
  HOUSEHOLD_DUPLICATE: HttpStatus.CONFLICT,
  HOUSEHOLD_EXITED: HttpStatus.CONFLICT,
  TEMPLATE_NOT_FOUND: HttpStatus.NOT_FOUND,
  TEMPLATE_INVALID: HttpStatus.BAD_REQUEST,
  ASSESSMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ASSESSMENT_NOT_DRAFT: HttpStatus.CONFLICT,
  ASSESSMENT_INCOMPLETE: HttpStatus.BAD_REQUEST,
  AREA_STANDARD_MISSING: HttpStatus.CONFLICT,
  IMPORT_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  // matching
  MATCH_NOT_FOUND: HttpStatus.NOT_FOUND,
  MATCH_NOT_PROPOSED: HttpStatus.CONFLICT,
  RESOURCE_CAPACITY_EXHAUSTED: HttpStatus.CONFLICT,
  RESOURCE_UNAVAILABLE: HttpStatus.CONFLICT,
  NEED_ALREADY_SERVED: HttpStatus.CONFLICT,
  // referrals
  REFERRAL_NOT_FOUND: HttpStatus.NOT_FOUND,
  REFERRAL_INVALID_TRANSITION: HttpStatus.CONFLICT,
} as const satisfies Record<string, HttpStatus>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusOf(code: ErrorCode): HttpStatus {
  return ERROR_STATUS[code];
}
