import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { CsvLayout } from './report-csv';

const CSV_LAYOUT = 'onedoor:report-csv-layout';

/**
 * CSV when asked by `?format=csv`, or (no `format`) by an Accept header naming text/csv; JSON
 * otherwise. The query has passed validation by the time the answer is written.
 */
export function wantsCsv(req: Pick<FastifyRequest, 'query' | 'headers'>): boolean {
  const format = (req.query as { format?: unknown } | undefined)?.format;
  if (format) return format === 'csv';
  return (req.headers.accept ?? '').toLowerCase().includes('text/csv');
}

/**
 * A report endpoint: answered by {@link ReportFormatInterceptor} as JSON, or as CSV by
 * `layout`, and documented with both representations.
 */
export function ReportResponse<Report>(type: Type<Report>, layout: CsvLayout<Report>) {
  return applyDecorators(
    SetMetadata(CSV_LAYOUT, layout),
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'JSON; CSV with `?format=csv` or `Accept: text/csv`',
      headers: {
        Vary: {
          description: 'Accept: the representation depends on it',
          schema: { type: 'string', example: 'Accept' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': {
          schema: {
            type: 'string',
            description:
              'UTF-8 with a byte-order mark, CRLF line ends, a header row of the JSON row keys, then the rows and the total row (none in the unmet needs view `needs`)',
          },
        },
      },
    }),
  );
}

/**
 * Writes a report handler's result in the representation asked for. Both carry `Vary: Accept`,
 * so a cache between the caller and the API never answers a CSV request with cached JSON.
 */
@Injectable()
export class ReportFormatInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const layout = this.reflector.get<CsvLayout<unknown> | undefined>(
      CSV_LAYOUT,
      context.getHandler(),
    );
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((report: unknown) => {
        reply.header('vary', 'Accept');
        if (!layout || !wantsCsv(req)) return report;
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="${layout.filename}.csv"`);
        return layout.toCsv(report);
      }),
    );
  }
}
