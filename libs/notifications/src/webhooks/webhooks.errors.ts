import { HttpStatus } from '@nestjs/common';
import type { CodesOf, ErrorStatusTable } from '@onedoor/platform';

/** The webhooks' error codes and their HTTP statuses. */
export const WEBHOOKS_ERRORS = {
  WEBHOOK_NOT_FOUND: HttpStatus.NOT_FOUND,
  /** Not http(s), or an internal address without an admin's leave (SSRF). */
  WEBHOOK_URL_REFUSED: HttpStatus.BAD_REQUEST,
  WEBHOOK_EVENT_TYPE_UNKNOWN: HttpStatus.BAD_REQUEST,
  /** Neither or both of an organization and an area, or one the caller may not subscribe for. */
  WEBHOOK_OWNER_INVALID: HttpStatus.BAD_REQUEST,
} as const satisfies ErrorStatusTable;

declare module '@onedoor/platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodeRegistry extends CodesOf<typeof WEBHOOKS_ERRORS> {}
}
