export * from './queue.registry';
export * from './queue-processor';
export * from './queue.module';
