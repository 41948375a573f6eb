export * from './casework.errors';
export * from './casework.error-messages';
export * from './casework.labels';
export * from './casework.module';
export * from './outcomes/dto/case-outcome.dto';
export * from './outcomes/outcomes.service';
