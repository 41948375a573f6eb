import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { ResourcesModule } from '@onedoor/resources';
import { AssistanceEntriesRepository } from './entries/assistance-entries.repository';
import { AssistanceEntryEntity } from './entries/assistance-entry.entity';
import { StackingRuleEntity } from './stacking/stacking-rule.entity';
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
  // stacking
  // lookup
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
    TypeOrmModule.forFeature([AssistanceEntryEntity, StackingRuleEntity]),
    // imports
    TypeOrmModule.forFeature([AssistanceImportEntity]),
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
    // imports
    AssistanceImportsController,
    // reports
  ],
})
export class LedgerHttpModule {}
