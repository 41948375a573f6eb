export * from './human-format';
export * from './labels';
export * from './dictionaries.module';
export * from './dictionaries.dto';
export { ROLE_LABELS, EVALUATOR_TYPE_LABELS } from '../auth/role.labels';
