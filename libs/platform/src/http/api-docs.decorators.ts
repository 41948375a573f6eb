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

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (field details in `details`)',
  401: 'Missing, invalid or expired bearer token',
  403: 'Your role or area scope does not allow this',
  404: 'Not found (or outside your scope)',
  409: 'Conflicts with the current state',
  410: 'Gone: used, replaced or expired',
  429: 'Too many attempts',
  503: 'A dependency is unavailable',
};

/** Documents error answers, all in the one error body. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorBodyDto }),
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
