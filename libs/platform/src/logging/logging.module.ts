import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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

/** JSON logs (pino), each request's lines carrying its request id. */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.log.level,
              name: config.serviceName,
              redact: { paths: REDACT_PATHS, censor: '[redacted]' },
              // Fastify assigns the id (see configureHttpApp); pino-http reuses it.
              genReqId: (req: IncomingMessage) => (req as { id?: string }).id ?? randomUUID(),
              // Health probes every few seconds would drown the log.
              autoLogging: {
                ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false,
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
    };
  }
}
