export * from './data-source-options';
export * from './run-migrations';
export * from './transaction-runner';
export * from './pg-errors';
export * from './database.module';
