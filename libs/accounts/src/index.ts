// What other libs and the apps use (docs/conventions.md: a lib exports what others use).
export * from './accounts.errors';
export { generatedPassword } from './secret-token.util';
export { PasswordsService } from './passwords.service';
export { UsersService } from './users.service';
export { ContractedWorkersService, endOfChinaDay } from './contracted-workers.service';
export { AccountsModule } from './accounts.module';
export { AccountsHttpModule } from './accounts-http.module';
export { ProviderApplicationsService } from './provider-applications/provider-applications.service';
export { ApplicationDeadlinesService } from './provider-applications/application-deadlines.service';

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
export * from './account.labels';
export * from './accounts.error-messages';
