import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: close the app (HTTP stops accepting, BullMQ workers finish the job
 * in hand, connections close), then exit 0. Nest's own shutdown hooks re-raise the signal
 * after closing, which reads as a crash to supervisors; a second signal forces exit 1.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  name: string,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn(`${name}: second ${signal}, exiting now`);
      process.exit(1);
    }
    closing = true;
    logger.log(`${name}: ${signal} received, shutting down`);
    app.close().then(
      () => {
        logger.log(`${name} stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`${name}: error while shutting down: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
