import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError } from './domain-error';
import { ErrorCode, type ErrorStatusMap } from './error-codes';
import { type Language, resolveLanguage } from './error-messages';
import { isDatabaseUnavailable } from './unavailable';

/** How long a client should wait before retrying a 503: PostgreSQL restarts take seconds. */
export const RETRY_AFTER_SECONDS = 5;

export const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_REQUEST',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.REQUEST_TIMEOUT]: 'REQUEST_TIMEOUT',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

export function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return STATUS_CODES[status] ?? 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Maps anything thrown to the one error body, a domain error's status read from the program's
 * composed code map. Exported for the pure mapping's unit test.
 */
export function toErrorBody(
  exception: unknown,
  statusOf: ErrorStatusMap,
): { body: ErrorBody; unexpected: boolean } {
  if (exception instanceof DomainError) {
    const statusCode = statusOf[exception.code];
    return {
      unexpected: false,
      body: {
        statusCode,
        error: reasonPhrase(statusCode),
        code: exception.code,
        message: exception.message,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      },
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    const isUnknownRoute = statusCode === 404 && /^Cannot [A-Z]+ /.test(message);
    const unexpected = statusCode >= 500;
    return {
      unexpected,
      body: {
        statusCode,
        error: reasonPhrase(statusCode),
        code: isUnknownRoute
          ? 'ROUTE_NOT_FOUND'
          : (CODE_BY_STATUS[statusCode] ?? (unexpected ? 'INTERNAL_ERROR' : 'BAD_REQUEST')),
        // A server-side failure's own words stay in the log.
        message: isUnknownRoute
          ? `No route ${message.slice('Cannot '.length)}`
          : unexpected && statusCode !== HttpStatus.SERVICE_UNAVAILABLE
            ? 'An unexpected error occurred'
            : message,
      },
    };
  }
  // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
  const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return {
      unexpected: false,
      body: {
        statusCode: fastifyStatus,
        error: reasonPhrase(fastifyStatus),
        code: CODE_BY_STATUS[fastifyStatus] ?? 'BAD_REQUEST',
        message: (exception as Error).message,
      },
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      unexpected: false,
      body: {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database is unavailable; try again shortly',
      },
    };
  }
  return {
    unexpected: true,
    body: {
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred',
    },
  };
}

/**
 * A text of the catalog (`errors.<CODE>`, `constraints.<name>[.<problem>]`) in a language, its
 * `{placeholders}` filled from `args`; undefined when the catalog has none. The API's is
 * nestjs-i18n's I18nService over the composed catalogs.
 */
export type ErrorTranslator = (
  key: string,
  lang: Language,
  args?: Record<string, unknown>,
) => string | undefined;

function isFieldErrors(details: unknown): details is FieldError[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof (d as FieldError | null)?.constraint === 'string')
  );
}

/**
 * The body in the request's language. English keeps the thrower's own words (more precise than
 * a code's label); zh-CN takes the code's text, filled from the error's details (a stale
 * version's current version, a throttle's seconds), and each field error its constraint's text.
 */
export function localizeErrorBody(
  body: ErrorBody,
  lang: Language,
  translate: ErrorTranslator,
): ErrorBody {
  if (lang === 'en') return body;
  const args =
    body.details && typeof body.details === 'object' && !Array.isArray(body.details)
      ? (body.details as Record<string, unknown>)
      : undefined;
  const localized: ErrorBody = {
    ...body,
    message: translate(`errors.${body.code}`, lang, args) ?? body.message,
  };
  if (isFieldErrors(body.details)) {
    localized.details = body.details.map((d) => {
      const problem = d.params?.problem;
      const message =
        (typeof problem === 'string'
          ? translate(`constraints.${d.constraint}.${problem}`, lang, d.params)
          : undefined) ??
        translate(`constraints.${d.constraint}`, lang, d.params) ??
        translate(`constraints.${d.constraint}.default`, lang, d.params) ??
        d.message;
      return { ...d, message };
    });
  }
  return localized;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** Without a translator (a program with no catalogs) every answer stays in English. */
  constructor(
    private readonly statusOf: ErrorStatusMap,
    private readonly translate?: ErrorTranslator,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest?.<FastifyRequest | undefined>();
    const result = toErrorBody(exception, this.statusOf);
    const { unexpected } = result;
    let { body } = result;
    if (this.translate) {
      const lang = resolveLanguage(
        (request?.query as Record<string, unknown> | undefined)?.lang,
        request?.headers?.['accept-language'],
      );
      body = localizeErrorBody(body, lang, this.translate);
      void reply.header('Content-Language', lang);
    }
    if (unexpected) {
      // The id ties the answer to the log line; the stack stays in the log, never in the body.
      body.errorId = randomUUID();
      this.logger.error(
        { errorId: body.errorId, err: exception },
        `Unexpected error ${body.errorId}`,
      );
    }
    if (body.code === 'SERVICE_UNAVAILABLE') {
      // Not a defect to hunt by errorId, but the operator must see the outage.
      if (!(exception instanceof HttpException || exception instanceof DomainError))
        this.logger.warn({ err: exception }, 'The database is unavailable');
      void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    // A throttle (login, organization applications) says when to come back in its details.
    if (exception instanceof DomainError) {
      const retryAfter = (exception.details as { retryAfterSeconds?: number } | undefined)
        ?.retryAfterSeconds;
      if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }
}
