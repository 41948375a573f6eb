import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The areas lib's error codes and their HTTP statuses. */
export const AREAS_ERRORS = {
  AREA_NOT_FOUND: HttpStatus.NOT_FOUND,
  AREA_PARENT_INVALID: HttpStatus.BAD_REQUEST,
  AREA_CODE_TAKEN: HttpStatus.CONFLICT,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof AREAS_ERRORS> {}
}
