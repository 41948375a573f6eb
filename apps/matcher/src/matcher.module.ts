import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@onedoor/accounts';
import { AreasModule } from '@onedoor/areas';
import { CaseworkModule } from '@onedoor/casework';
import { LedgerModule } from '@onedoor/ledger';
import { ReliefModule } from '@onedoor/relief';
import { HouseholdsModule } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { EmailModule, NotificationsModule, WebhooksModule } from '@onedoor/notifications';
import { ProcurementModule } from '@onedoor/procurement';
import { ResourcesModule } from '@onedoor/resources';
import { AppConfig, PlatformModule } from '@onedoor/platform';
import { MIGRATIONS } from '../../../migrations';
// One composition of the labels for both processes (notices read them here).
import { dictionariesModule } from '../../api/src/dictionaries';
import { ImportsProcessor } from './imports.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceService } from './maintenance.service';
import { MailProcessor } from './mail.processor';
import { MatchingProcessor } from './matching.processor';
import { NotificationsProcessor } from './notifications.processor';
import { ScheduleWatchdog } from './schedule-watchdog.service';
import { WebhooksProcessor } from './webhooks.processor';

/** The worker process: the same libs as the API, processors instead of controllers. */
@Module({})
export class MatcherModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: MatcherModule,
      imports: [
        PlatformModule.forRoot({
          applicationName: 'onedoor-matcher',
          migrations: MIGRATIONS,
          config,
        }),
        AreasModule,
        ResourcesModule,
        AccountsModule,
        HouseholdsModule,
        MatchingModule,
        ProcurementModule,
        CaseworkModule,
        LedgerModule,
        ReliefModule,
        WebhooksModule,
        EmailModule,
        NotificationsModule,
        dictionariesModule(false),
      ],
      providers: [
        MaintenanceService,
        MaintenanceProcessor,
        MatchingProcessor,
        WebhooksProcessor,
        MailProcessor,
        NotificationsProcessor,
        ImportsProcessor,
        ScheduleWatchdog,
      ],
    };
  }
}
