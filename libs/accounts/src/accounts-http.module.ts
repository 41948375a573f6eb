import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts.module';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';

@Module({ imports: [AccountsModule], controllers: [AuthController, UsersController] })
export class AccountsHttpModule {}
