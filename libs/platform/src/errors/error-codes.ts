import { HttpStatus } from '@nestjs/common';

/** A lib's error codes and the HTTP status each answers with. */
export type ErrorStatusTable = Readonly<Record<string, HttpStatus>>;

/**
 * The codes every lib may use: HTTP-level failures, optimistic locking and area scope. Each
 * domain lib declares its own codes beside its code (`<lib>.errors.ts`) and adds them to
 * `ErrorCodeRegistry`; the API composes all tables into one map (apps/api/src/error-status.ts)
 * whose type the compiler checks against `ErrorCode`, so a code without a status, or a lib's
 * table left out, does not compile.
 */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  REQUEST_TIMEOUT: HttpStatus.REQUEST_TIMEOUT,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  // Nest's HttpStatus lacks 431; Fastify answers it for oversized headers (clientErrorHandler).
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431 as HttpStatus,
  TOO_MANY_LOGIN_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  STALE_VERSION: HttpStatus.CONFLICT,
  AREA_OUT_OF_SCOPE: HttpStatus.FORBIDDEN,
  /** An Idempotency-Key sent again with a different method, path or body. */
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  /** An Idempotency-Key whose first request has not answered yet. */
  IDEMPOTENCY_KEY_IN_PROGRESS: HttpStatus.CONFLICT,
} as const satisfies ErrorStatusTable;

/** The codes of a table, as members a lib's `ErrorCodeRegistry` augmentation extends. */
export type CodesOf<T extends ErrorStatusTable> = { readonly [K in keyof T]: true };

/**
 * Every error code of the program. Declaration merging grows it: each domain lib writes
 * `declare module '@onedoor/platform/errors/error-codes' { interface ErrorCodeRegistry extends
 * CodesOf<typeof ITS_ERRORS> {} }` beside its table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodeRegistry extends CodesOf<typeof PLATFORM_ERRORS> {}

export type ErrorCode = keyof ErrorCodeRegistry & string;

/** The one code → status map of a program: every code of every lib, each exactly once. */
export type ErrorStatusMap = Readonly<Record<ErrorCode, HttpStatus>>;

/**
 * Joins the libs' tables into one map, refusing a code declared by two libs: one code, one
 * meaning. Called once at start-up, so a clash stops the process before it serves.
 */
export function composeErrorTables<T extends ErrorStatusTable[]>(
  ...tables: T
): UnionToIntersection<T[number]> {
  const all: Record<string, HttpStatus> = {};
  for (const table of tables) {
    for (const [code, status] of Object.entries(table)) {
      if (code in all) throw new Error(`Error code ${code} is declared by two libs`);
      all[code] = status;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
