import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Optional,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { DictionariesService, type LabelLocale } from '@onedoor/platform';
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
 * The CSV's language: English when the caller's first choice is English (`Accept-Language: en`,
 * `en-US,en;q=0.9`), Chinese otherwise, since Chinese is the default for people.
 */
export function csvLocale(req: Pick<FastifyRequest, 'headers'>): LabelLocale {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : (header ?? '')).split(',')[0];
  return /^\s*en\b/i.test(first) ? 'en' : 'zh-CN';
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
          description: 'Accept and Accept-Language: the representation depends on them',
          schema: { type: 'string', example: 'Accept, Accept-Language' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': {
          schema: {
            type: 'string',
            description:
              'UTF-8 with a byte-order mark, CRLF line ends, a header row in Chinese (English with `Accept-Language: en`), then the rows and the total row (none in the unmet needs view `needs`); money in yuan with two decimals, times in Beijing time, each code followed by its label',
          },
        },
      },
    }),
  );
}

/**
 * Writes a report handler's result in the representation asked for. Both carry `Vary: Accept, Accept-Language`,
 * so a cache between the caller and the API never answers a CSV request with cached JSON.
 */
@Injectable()
export class ReportFormatInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Optional() private readonly dictionaries?: DictionariesService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const layout = this.reflector.get<CsvLayout<unknown> | undefined>(
      CSV_LAYOUT,
      context.getHandler(),
    );
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      mergeMap(async (report: unknown) => {
        reply.header('vary', 'Accept, Accept-Language');
        if (!layout || !wantsCsv(req)) return report;
        const labels = this.dictionaries ? (await this.dictionaries.dictionaries()).groups : {};
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="${layout.filename}.csv"`);
        return layout.toCsv(report, { locale: csvLocale(req), labels });
      }),
    );
  }
}
