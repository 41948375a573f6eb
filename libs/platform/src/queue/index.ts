export * from './queue.registry';
export * from './queue-processor';
export * from './queue.module';
export * from './matching-queue.producer';
export * from './maintenance-queue.producer';
export * from './mail-queue.producer';
export * from './imports-queue.producer';
