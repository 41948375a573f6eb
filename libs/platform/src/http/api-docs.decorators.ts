import { STATUS_CODES } from 'node:http';
import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { PageMetaDto } from '../pagination/pagination.dto';

import type { ErrorCode } from '../errors/error-codes';

/** An error an operation can answer: its status, and the code and words it typically carries. */
export interface DocumentedError {
  status: number;
  code: ErrorCode;
  message: string;
  description?: string;
  details?: unknown;
}

/**
 * What each status typically means, and the example it shows: a code that status really
 * carries (one status may carry several codes; each operation's summary names its own).
 */
const TYPICAL: Record<number, Omit<DocumentedError, 'status'>> = {
  400: {
    description: 'Invalid request (field details in `details`)',
    code: 'VALIDATION_FAILED',
    message: '提交的信息有误，请按提示修改',
    details: [
      {
        field: 'members[0].idNumber',
        constraint: 'isIdNumber',
        params: { problem: 'check_digit' },
        message: '身份证号校验位不正确',
      },
    ],
  },
  401: {
    description: 'Missing, invalid or expired bearer token',
    code: 'UNAUTHENTICATED',
    message: 'A bearer token is required',
  },
  403: {
    description: 'Your role or area scope does not allow this',
    code: 'FORBIDDEN',
    message: 'You may not do this',
  },
  404: {
    description: 'Not found (or outside your scope)',
    code: 'NOT_FOUND',
    message: 'Not found',
  },
  409: {
    description: 'Conflicts with the current state',
    code: 'CONFLICT',
    message: 'This conflicts with the current state',
  },
  413: {
    description: 'The body is too large',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Request body is too large',
  },
  415: {
    description: 'The body is not of a type this operation takes',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported Media Type: application/xml',
  },
  429: {
    description: 'Too many attempts',
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many requests',
  },
  503: {
    description: 'A dependency is unavailable (see `Retry-After`)',
    code: 'SERVICE_UNAVAILABLE',
    message: 'The database is unavailable; try again shortly',
  },
};

function documented(error: number | DocumentedError): DocumentedError {
  if (typeof error !== 'number') return error;
  const typical = TYPICAL[error] ?? { code: 'BAD_REQUEST', message: 'Error' };
  return { status: error, ...typical };
}

/**
 * Documents error answers, all in the one error body, each with an example it can really give:
 * a status alone shows that status's typical code; `{ status, code, message }` names the code.
 */
export function ApiErrors(...errors: Array<number | DocumentedError>) {
  return applyDecorators(
    ...errors.map(documented).map(({ status, code, message, description, details }) =>
      ApiResponse({
        status,
        description: description ?? TYPICAL[status]?.description ?? 'Error',
        type: ErrorBodyDto,
        example: {
          statusCode: status,
          error: STATUS_CODES[status] ?? 'Error',
          code,
          message,
          ...(details !== undefined && { details }),
        },
      }),
    ),
  );
}

/** A route behind the bearer token: documents the scheme and its 401/403 answers. */
export function ApiProtected() {
  return applyDecorators(ApiBearerAuth(), ApiErrors(401, 403));
}

/** `{ items: T[], page, limit, total }` */
export function ApiPageResponse<T extends Type<unknown>>(item: T) {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, item),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
        ],
      },
    }),
  );
}

/** `{ items: T[], limit, nextCursor, page?, total? }`: a list paged by cursor or by offset. */
export function ApiListResponse<T extends Type<unknown>>(item: T) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'limit', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          limit: { type: 'integer', example: 20 },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'Pass as `cursor` for the next page; null on the last page',
          },
          page: { type: 'integer', description: 'Offset paging only (`?page=`)' },
          total: {
            type: 'integer',
            description: 'With `?page=` or `?withTotal=true`: items matching the filters',
          },
        },
      },
    }),
  );
}
