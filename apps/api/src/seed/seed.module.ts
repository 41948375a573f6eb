import { DynamicModule, Module } from '@nestjs/common';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { LedgerModule } from '@onedoor/ledger';
import { ReliefModule } from '@onedoor/relief';
import { ResourcesModule } from '@onedoor/resources';
import { ProcurementModule } from '@onedoor/procurement';
import { type AppConfig, PlatformModule } from '@onedoor/platform';
import { MIGRATIONS } from '../../../../migrations';
import { DemoHouseholdsSeeder } from './demo-households.seeder';
import { DemoLedgerSeeder } from './demo-ledger.seeder';
import { DemoReliefFundsSeeder } from './demo-relief-funds.seeder';
import { DemoProcurementSeeder } from './demo-procurement.seeder';
import { DemoResourcesSeeder } from './demo-resources.seeder';
import { DemoSeedService } from './demo-seed.service';

@Module({})
export class SeedModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        PlatformModule.forRoot({ applicationName: 'onedoor-seed', migrations: MIGRATIONS, config }),
        AreasModule,
        ResourcesModule,
        HouseholdsModule,
        LedgerModule,
        ReliefModule,
        ProcurementModule,
      ],
      providers: [
        DemoSeedService,
        DemoResourcesSeeder,
        DemoHouseholdsSeeder,
        DemoLedgerSeeder,
        DemoReliefFundsSeeder,
        DemoProcurementSeeder,
      ],
    };
  }
}
