import { DynamicModule, Module } from '@nestjs/common';
import { AccountsHttpModule } from '@onedoor/accounts';
import { AreasHttpModule } from '@onedoor/areas';
import { CaseworkHttpModule } from '@onedoor/casework';
import { LedgerHttpModule } from '@onedoor/ledger';
import { ReliefHttpModule } from '@onedoor/relief';
import { HouseholdsHttpModule } from '@onedoor/households';
import { MatchingHttpModule } from '@onedoor/matching';
import { EmailModule, NotificationsHttpModule, WebhooksHttpModule } from '@onedoor/notifications';
import { ProcurementHttpModule } from '@onedoor/procurement';
import { ReportingHttpModule } from '@onedoor/reporting';
import { ResourcesHttpModule } from '@onedoor/resources';
import { AppConfig, PlatformHttpModule, PlatformModule } from '@onedoor/platform';
import { MIGRATIONS } from '../../../migrations';
import { dictionariesModule } from './dictionaries';
import { ErrorI18nModule } from './error-i18n';

/** The HTTP process: the platform plus every domain lib's routes. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ applicationName: 'onedoor-api', migrations: MIGRATIONS, config }),
        PlatformHttpModule,
        // Error messages in the request's language (zh-CN by default).
        ErrorI18nModule,
        AreasHttpModule,
        ResourcesHttpModule,
        AccountsHttpModule,
        NotificationsHttpModule,
        HouseholdsHttpModule,
        MatchingHttpModule,
        ProcurementHttpModule,
        CaseworkHttpModule,
        LedgerHttpModule,
        ReliefHttpModule,
        ReportingHttpModule,
        WebhooksHttpModule,
        EmailModule,
        dictionariesModule(true),
      ],
    };
  }
}
