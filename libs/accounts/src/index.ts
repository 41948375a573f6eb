export * from './accounts.errors';
export * from './account-rules';
export * from './account-shape';
export * from './password-policy';
export * from './secret-token.util';
export * from './user-session.entity';
export * from './set-password-token.entity';
export * from './login-event.entity';
export * from './login-events.service';
export * from './sessions.service';
export * from './passwords.service';
export * from './users.service';
export * from './user-status.service';
export * from './user-accounts.repository';
export * from './user.mapper';
export * from './accounts.module';
export * from './accounts-http.module';
export * from './dto/auth.dto';
export * from './dto/users.dto';
export * from './dto/provider-applications.dto';
export * from './provider-applications/provider-application.entity';
export * from './provider-applications/provider-applications.service';
export * from './provider-applications/application-throttle.service';
export * from './provider-applications/application-deadlines.service';

import { LoginEventEntity } from './login-event.entity';
import { SetPasswordTokenEntity } from './set-password-token.entity';
import { UserSessionEntity } from './user-session.entity';
import { ProviderApplicationEntity } from './provider-applications/provider-application.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const ACCOUNTS_ENTITIES = [
  UserSessionEntity,
  SetPasswordTokenEntity,
  LoginEventEntity,
  ProviderApplicationEntity,
];
