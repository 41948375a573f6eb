import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/**
 * The casework lib's error codes and their HTTP statuses, by sub-domain. Each part (plans,
 * visits, check-ins, supervision, moves) keeps its codes in its own block.
 */
export const CASEWORK_ERRORS = {
  // supervision
  /** The item does not exist on this case. */
  SUPERVISION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The item is past this step (answered, or resolved). */
  SUPERVISION_STATE_CONFLICT: HttpStatus.CONFLICT,
  /** Only the case's adviser answers supervision. */
  SUPERVISION_NOT_ADVISER: HttpStatus.FORBIDDEN,
  // plans
  CASE_PLAN_NOT_FOUND: HttpStatus.NOT_FOUND,
  CASE_PLAN_EXISTS: HttpStatus.CONFLICT,
  CASE_PLAN_STATE_CONFLICT: HttpStatus.CONFLICT,
  CASE_PLAN_FILE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  CASE_PLAN_FILE_NOT_FOUND: HttpStatus.NOT_FOUND,

  // visits and notes
  CASE_VISIT_NOT_FOUND: HttpStatus.NOT_FOUND,
  CASE_VISIT_NOTE_FORBIDDEN: HttpStatus.FORBIDDEN,
  CASE_VISIT_CORRECTION_CLOSED: HttpStatus.CONFLICT,
  CASE_VISIT_IN_FUTURE: HttpStatus.UNPROCESSABLE_ENTITY,
  // check-ins and moves
  /** A check-in on a closed case: reopen it first. */
  CHECK_IN_CASE_CLOSED: HttpStatus.CONFLICT,
  /** A move to the community the household already lives in. */
  MOVE_SAME_COMMUNITY: HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof CASEWORK_ERRORS> {}
}
