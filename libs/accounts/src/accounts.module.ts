import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { AuthModule } from '@onedoor/platform';
import { ResourcesModule } from '@onedoor/resources';
import { LoginEventEntity } from './login-event.entity';
import { LoginEventsRepository } from './login-events.repository';
import { LoginEventsService } from './login-events.service';
import { ContractedWorkersService } from './contracted-workers.service';
import { PasswordsService } from './passwords.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SetPasswordTokenEntity } from './set-password-token.entity';
import { SetPasswordTokensRepository } from './set-password-tokens.repository';
import { UserAccountsRepository } from './user-accounts.repository';
import { UserSessionEntity } from './user-session.entity';
import { UsersService } from './users.service';
import { UserStatusService } from './user-status.service';
import { ApplicationDeadlinesService } from './provider-applications/application-deadlines.service';
import { ApplicationThrottleService } from './provider-applications/application-throttle.service';
import { ProviderApplicationEntity } from './provider-applications/provider-application.entity';
import { ProviderApplicationsRepository } from './provider-applications/provider-applications.repository';
import { ProviderApplicationsService } from './provider-applications/provider-applications.service';

const services = [
  UserAccountsRepository,
  SessionsRepository,
  SetPasswordTokensRepository,
  LoginEventsRepository,
  LoginEventsService,
  SessionsService,
  ContractedWorkersService,
  PasswordsService,
  UsersService,
  UserStatusService,
  ProviderApplicationsRepository,
  ApplicationThrottleService,
  ProviderApplicationsService,
  ApplicationDeadlinesService,
];

/**
 * Accounts for any process that manages them: users, passwords, sessions, the login record
 * (the API; `npm run user:create`), and organizations' applications to join. AuthModule brings the token signer and the login throttle.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserSessionEntity,
      SetPasswordTokenEntity,
      LoginEventEntity,
      ProviderApplicationEntity,
    ]),
    AuthModule,
    AreasModule,
    ResourcesModule,
  ],
  providers: services,
  exports: services,
})
export class AccountsModule {}
