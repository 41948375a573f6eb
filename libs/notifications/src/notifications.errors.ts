import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The notifications lib's error codes and their HTTP statuses. */
export const NOTIFICATIONS_ERRORS = {
  /** The notice does not exist, or is someone else's (the same answer). */
  NOTIFICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
} as const satisfies ErrorStatusTable;

// Adds these codes to the program's `ErrorCode` union (see platform's error-codes.ts).
declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof NOTIFICATIONS_ERRORS> {}
}
