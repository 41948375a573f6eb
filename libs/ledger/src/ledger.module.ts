import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { ResourcesModule } from '@onedoor/resources';
import { AssistanceEntriesController } from './entries/assistance-entries.controller';
import { AssistanceEntriesRepository } from './entries/assistance-entries.repository';
import { AssistanceEntriesService } from './entries/assistance-entries.service';
import { AssistanceEntryEntity } from './entries/assistance-entry.entity';
import { GrantingOrganizations } from './entries/granting-organizations';
import { StackingRuleEntity } from './stacking/stacking-rule.entity';
import { StackingRulesController } from './stacking/rules.controller';
import { StackingRulesRepository } from './stacking/rules.repository';
import { StackingRulesService } from './stacking/rules.service';
import { StackingRepository } from './stacking/stacking.repository';
import { AssistanceLookupEntity } from './lookup/assistance-lookup.entity';
import { AssistanceLookupsController } from './lookup/assistance-lookups.controller';
import { AssistanceLookupsRepository } from './lookup/assistance-lookups.repository';
import { AssistanceLookupsService } from './lookup/assistance-lookups.service';
import { LookupThrottleService } from './lookup/lookup-throttle.service';
// imports
import { AssistanceImportEntity } from './imports/assistance-import.entity';
import { AssistanceImportRunner } from './imports/assistance-import-runner.service';
import { AssistanceImportsController } from './imports/assistance-imports.controller';
import { AssistanceImportsRepository } from './imports/assistance-imports.repository';
import { AssistanceImportsService } from './imports/assistance-imports.service';
import { RollBatchWriter } from './imports/roll-batch.writer';

/**
 * One ledger of assistance from every source (DESIGN.md): entries, the stacking rules that
 * decide what may combine, the lookup departments ask with a purpose, imported rolls and the
 * ledger's reports. Below matching: a referral's delivery writes its entry, and the matcher and
 * approvals read the ledger through the stacking rules.
 */
const providers = [
  // entries
  AssistanceEntriesRepository,
  AssistanceEntriesService,
  GrantingOrganizations,
  // stacking
  StackingRulesRepository,
  StackingRulesService,
  StackingRepository,
  // lookup
  AssistanceLookupsRepository,
  LookupThrottleService,
  AssistanceLookupsService,
  // imports
  AssistanceImportsRepository,
  AssistanceImportsService,
  AssistanceImportRunner,
  RollBatchWriter,
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
      // imports
      AssistanceImportEntity,
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
    AssistanceEntriesController,
    // stacking
    StackingRulesController,
    // lookup
    AssistanceLookupsController,
    // imports
    AssistanceImportsController,
    // reports
  ],
})
export class LedgerHttpModule {}
