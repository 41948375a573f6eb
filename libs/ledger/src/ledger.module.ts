import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { ResourcesModule } from '@onedoor/resources';
import { AssistanceEntriesRepository } from './entries/assistance-entries.repository';
import { AssistanceEntryEntity } from './entries/assistance-entry.entity';
import { StackingRuleEntity } from './stacking/stacking-rule.entity';
import { AssistanceLookupEntity } from './lookup/assistance-lookup.entity';
import { AssistanceLookupsController } from './lookup/assistance-lookups.controller';
import { AssistanceLookupsRepository } from './lookup/assistance-lookups.repository';
import { AssistanceLookupsService } from './lookup/assistance-lookups.service';
import { LookupThrottleService } from './lookup/lookup-throttle.service';

/**
 * One ledger of assistance from every source (DESIGN.md): entries, the stacking rules that
 * decide what may combine, the lookup departments ask with a purpose, imported rolls and the
 * ledger's reports. Below matching: a referral's delivery writes its entry, and the matcher and
 * approvals read the ledger through the stacking rules.
 */
const providers = [
  // entries
  AssistanceEntriesRepository,
  // stacking
  // lookup
  AssistanceLookupsRepository,
  LookupThrottleService,
  AssistanceLookupsService,
  // imports
  // reports
];

@Module({
  imports: [
    AreasModule,
    HouseholdsModule,
    ResourcesModule,
    TypeOrmModule.forFeature([
      AssistanceEntryEntity,
      StackingRuleEntity,
      // lookup
      AssistanceLookupEntity,
    ]),
  ],
  providers,
  exports: providers,
})
export class LedgerModule {}

@Module({
  imports: [LedgerModule],
  controllers: [
    // entries
    // stacking
    // lookup
    AssistanceLookupsController,
    // imports
    // reports
  ],
})
export class LedgerHttpModule {}
