export * from './casework.errors';
export * from './casework.error-messages';
export * from './casework.labels';
export * from './casework.module';
export * from './supervision/supervision.types';
export { SupervisionService } from './supervision/supervision.service';
