export * from './error-codes';
export * from './error-messages';
export * from './constraint-messages';
export * from './domain-error';
export * from './error-body.dto';
export * from './validation';
export * from './all-exceptions.filter';
export * from './unavailable';
