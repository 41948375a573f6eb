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
import { type CsvLayout, tableToCsv } from './report-csv';
import { tableToXlsx } from './report-xlsx';

const CSV_LAYOUT = 'onedoor:report-csv-layout';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The file asked for: `?format=csv|xlsx`, or (no `format`) an Accept header naming text/csv or
 * the xlsx type; null for JSON. The query has passed validation by the time the answer is written.
 */
export function wantedFile(req: Pick<FastifyRequest, 'query' | 'headers'>): 'csv' | 'xlsx' | null {
  const format = (req.query as { format?: unknown } | undefined)?.format;
  if (format) return format === 'csv' || format === 'xlsx' ? format : null;
  const accept = (req.headers.accept ?? '').toLowerCase();
  if (accept.includes('text/csv')) return 'csv';
  return accept.includes(XLSX) ? 'xlsx' : null;
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
      description:
        'JSON; CSV with `?format=csv` or `Accept: text/csv`; an Excel workbook with `?format=xlsx`',
      headers: {
        Vary: {
          description: 'Accept and Accept-Language: the representation depends on them',
          schema: { type: 'string', example: 'Accept, Accept-Language' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        [XLSX]: {
          schema: {
            type: 'string',
            format: 'binary',
            description:
              'The same table as the CSV in one sheet: header row frozen, counts, rates and yuan as numbers',
          },
        },
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
        const file = layout ? wantedFile(req) : null;
        if (!layout || !file) return report;
        const labels = this.dictionaries ? (await this.dictionaries.dictionaries()).groups : {};
        const table = layout.table(report, { locale: csvLocale(req), labels });
        reply.header('content-disposition', `attachment; filename="${layout.filename}.${file}"`);
        if (file === 'xlsx') {
          reply.header('content-type', XLSX);
          return tableToXlsx(table, layout.filename);
        }
        reply.header('content-type', 'text/csv; charset=utf-8');
        return tableToCsv(table);
      }),
    );
  }
}
