export * from './config/app-config';
export * from './config/config.module';
export * from './config/load-config-or-exit';
export * from './errors';
export * from './database';
export * from './queue';
export * from './auth';
export * from './audit';
export * from './events';
export * from './scope/area-scope';
export * from './pagination/pagination.dto';
export * from './pagination/keyset';
export * from './http/api-docs.decorators';
export * from './health/health.module';
export * from './logging/logging.module';
export * from './platform.module';
export * from './http/platform-http.module';
export * from './http/configure-http-app';
export * from './http/parse-id.pipe';
export * from './http/client-address';
export * from './http/cookie-value';
export * from './http/idempotency/idempotency-keys.repository';
export { IDEMPOTENT_REPLAYED_HEADER } from './http/idempotency/idempotency.interceptor';
export * from './http/client-error-handler';
export * from './http/input-guard';
export * from './files';

import { AuditLogEntity } from './audit/audit-log.entity';
import { LoginLimitEntity } from './auth/login-limit.entity';
import { UserEntity } from './auth/user.entity';
import { IdempotencyKeyEntity } from './http/idempotency/idempotency-key.entity';
import { OutboxEventEntity } from './events/outbox-event.entity';
import { StoredFileEntity } from './files/stored-file.entity';
/** The platform's entities, for the TypeORM CLI's data source. */
export const PLATFORM_ENTITIES = [
  UserEntity,
  LoginLimitEntity,
  AuditLogEntity,
  IdempotencyKeyEntity,
  OutboxEventEntity,
  StoredFileEntity,
];
export * from './shutdown';
export * from './crypto/pii-cipher';
export * from './time/china-date';
export * from './time/clock';
export * from './text';
