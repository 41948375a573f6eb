import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { I18nService } from 'nestjs-i18n';
import { Logger } from 'nestjs-pino';
import {
  AppConfig,
  clientErrorHandler,
  configureHttpApp,
  frameworkErrors,
  loadConfig,
} from '@onedoor/platform';
import { ApiModule } from './api.module';
import { errorTranslator } from './error-i18n';
import { ERROR_STATUS } from './error-status';
import { mountConsole } from './console-static';
import { mountQueueBoard } from './queue-board';

/** Builds the API exactly as it runs; tests call this with their own config. */
export async function createApiApp(
  config: AppConfig = loadConfig(),
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({
      trustProxy: config.http.trustProxy,
      bodyLimit: 2 * 1024 * 1024,
      // Requests Node or Fastify refuse before routing (oversized headers, an undecodable URL)
      // still answer in the one error body.
      clientErrorHandler,
      frameworkErrors,
      // A caller's X-Request-Id is kept when it looks like an id; otherwise a new uuid.
      genReqId: (req: { headers: IncomingMessage['headers'] }) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      },
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await configureHttpApp(app, ERROR_STATUS, errorTranslator(app.get(I18nService)));
  await mountQueueBoard(app);
  await mountConsole(app, config.http.consoleDir);
  return app;
}
