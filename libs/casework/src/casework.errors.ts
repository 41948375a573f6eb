import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/**
 * The casework lib's error codes and their HTTP statuses, by sub-domain. Each part (plans,
 * visits, check-ins, supervision, moves) keeps its codes in its own block.
 */
export const CASEWORK_ERRORS = {
  // timeline
  CASE_TIMELINE_CURSOR_INVALID: HttpStatus.BAD_REQUEST,
  // supervision
  /** The item does not exist on this case. */
  SUPERVISION_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** The item is past this step (answered, or resolved). */
  SUPERVISION_STATE_CONFLICT: HttpStatus.CONFLICT,
  /** Only the case's adviser answers supervision. */
  SUPERVISION_NOT_ADVISER: HttpStatus.FORBIDDEN,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof CASEWORK_ERRORS> {}
}
