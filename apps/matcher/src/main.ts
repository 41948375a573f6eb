import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitGracefullyOnSignals, loadConfigOrExit } from '@onedoor/platform';
import { MatcherModule } from './matcher.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // No HTTP server: an application context whose workers consume the queues.
  const app = await NestFactory.createApplicationContext(MatcherModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // Closing the app closes BullMQ's workers, which let the job in hand finish.
  exitGracefullyOnSignals(app, logger, 'matcher');
  await app.init();
  logger.log('matcher ready', 'Matcher');
}

void main();
