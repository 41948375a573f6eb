import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The households lib's error codes (households, assessments, needs, import) and their HTTP statuses. */
export const HOUSEHOLDS_ERRORS = {
  HOUSEHOLD_NOT_FOUND: HttpStatus.NOT_FOUND,
  HOUSEHOLD_DUPLICATE: HttpStatus.CONFLICT,
  TEMPLATE_NOT_FOUND: HttpStatus.NOT_FOUND,
  TEMPLATE_INVALID: HttpStatus.BAD_REQUEST,
  ASSESSMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ASSESSMENT_NOT_DRAFT: HttpStatus.CONFLICT,
  /** A second draft while one is open: details carry the open draft's id. */
  ASSESSMENT_DRAFT_OPEN: HttpStatus.CONFLICT,
  ASSESSMENT_INCOMPLETE: HttpStatus.BAD_REQUEST,
  AREA_STANDARD_MISSING: HttpStatus.CONFLICT,
  IMPORT_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  /** A background import that does not exist or that the caller may not follow. */
  HOUSEHOLD_IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** A case that does not exist or is outside the caller's area. */
  CASE_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The household already has an open case (a reopening while another is open). */
  CASE_ALREADY_OPEN: HttpStatus.CONFLICT,
  /** A hand-over or closing of a closed case, or a reopening of an open one. */
  CASE_STATE_CONFLICT: HttpStatus.CONFLICT,
  /** The new adviser is not an active assessor whose area covers the household. */
  CASE_ADVISER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  // need gap
  /** A need that does not exist or whose household is outside the caller's area. */
  NEED_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** A money gap on a need whose category has none (category.money_gap false). */
  NEED_GAP_NOT_APPLICABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  /** A money gap on a need no longer open or matched. */
  NEED_GAP_CLOSED: HttpStatus.CONFLICT,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof HOUSEHOLDS_ERRORS> {}
}
