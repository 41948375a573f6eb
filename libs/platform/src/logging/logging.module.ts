import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * Paths pino must never print. Request bodies are not logged at all (they carry identity
 * numbers, health and income); these catch personal data that reaches a log object anyway.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.idNumber',
  '*.identityNumber',
  '*.phone',
];

/** A PostgreSQL error's code is a five-character SQLSTATE (23505, 57P01, 08006). */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** How many causes deep the log follows an error's `cause` (a loop ends there too). */
const MAX_CAUSES = 5;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/** One error of the chain: what it is and where it came from, never the values it carried. */
function describeError(error: ErrorLike): Record<string, unknown> {
  const code =
    typeof error.code === 'string' || typeof error.code === 'number' ? error.code : undefined;
  const database = typeof code === 'string' && SQLSTATE.test(code);
  return {
    type: typeof error.name === 'string' ? error.name : undefined,
    message: String(error.message),
    ...(code !== undefined && { code }),
    ...(database && {
      sqlState: code,
      constraint: error.constraint,
      table: error.table,
      column: error.column,
    }),
    stack: error.stack,
  };
}

/**
 * Errors are logged by name, message, code, PostgreSQL's SQLSTATE and constraint, the cause
 * chain and the stack, and nothing else: a database error's other properties (`parameters`,
 * `detail`, `query`, `where`) print the values of the failed statement, which can be personal
 * data. pino-http hands this its own serialization of the error, the original kept as `raw`.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  const raw = (error as { raw?: unknown } | null)?.raw ?? error;
  if (!isErrorLike(raw)) return { message: String(raw) };
  const causes: Array<Record<string, unknown>> = [];
  // TypeORM keeps the driver's error as `driverError`; others chain theirs as `cause`.
  let next: unknown = raw.cause ?? raw.driverError;
  while (isErrorLike(next) && causes.length < MAX_CAUSES) {
    causes.push(describeError(next));
    next = next.cause ?? next.driverError;
  }
  return { ...describeError(raw), ...(causes.length > 0 && { causes }) };
}

/**
 * pino-pretty when it is there to be loaded: the production image has no dev dependencies, and
 * a process started by hand without NODE_ENV counts as development.
 */
function prettyPrinterInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The logger's options: JSON lines, each request's lines carrying its request id; in
 * development the same lines pretty-printed for a person at a terminal.
 */
export function loggerParams(config: AppConfig, canPrettyPrint = prettyPrinterInstalled): Params {
  const pretty = config.env === 'development' && canPrettyPrint();
  return {
    pinoHttp: {
      level: config.log.level,
      name: config.serviceName,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...(pretty && {
        transport: {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        },
      }),
      // Fastify assigns the id (see configureHttpApp); pino-http reuses it.
      genReqId: (req: IncomingMessage) => (req as { id?: string }).id ?? randomUUID(),
      // Health probes every few seconds would drown the log.
      autoLogging: {
        ignore: (req: IncomingMessage) => req.url?.startsWith('/api/health') ?? false,
      },
      serializers: {
        // The path only: query strings may carry search terms about people.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        err: serializeError,
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

/** pino logs: JSON, pretty-printed in development (see {@link loggerParams}). */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => loggerParams(config),
        }),
      ],
    };
  }
}
