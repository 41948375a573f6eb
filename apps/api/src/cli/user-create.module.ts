import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@onedoor/accounts';
import { AreasModule } from '@onedoor/areas';
import { type AppConfig, PlatformModule } from '@onedoor/platform';
import { MIGRATIONS } from '../../../../migrations';

/** What `npm run user:create` needs: the platform, areas and accounts, no HTTP server. */
@Module({})
export class UserCreateModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: UserCreateModule,
      imports: [
        PlatformModule.forRoot({
          applicationName: 'onedoor-user-create',
          migrations: MIGRATIONS,
          config,
        }),
        AreasModule,
        AccountsModule,
      ],
    };
  }
}
