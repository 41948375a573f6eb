import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts.module';
import { AuthController } from './auth.controller';
import { ContractedWorkersController } from './contracted-workers.controller';
import { UsersController } from './users.controller';
import { ProviderApplicationsController } from './provider-applications/provider-applications.controller';

@Module({
  imports: [AccountsModule],
  controllers: [
    AuthController,
    UsersController,
    ProviderApplicationsController,
    ContractedWorkersController,
  ],
})
export class AccountsHttpModule {}
