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

/**
 * Errors are logged by name, message, code and stack only: a database error's own
 * properties (`parameters`, `detail`, `query`) would print the values of the failed
 * statement, which can be personal data.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return {
    type: error.name,
    message: error.message,
    code: (error as { code?: unknown }).code,
    stack: error.stack,
  };
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
