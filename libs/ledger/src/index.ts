export * from './ledger.types';
export * from './ledger.errors';
export * from './ledger.error-messages';
export * from './ledger.labels';
export * from './ledger.module';
// entries
export * from './entries/assistance-entry.entity';
export * from './entries/assistance-entries.repository';
// stacking
export * from './stacking/stacking-rule.entity';
export * from './stacking/stacking.types';
export * from './stacking/stacking.dto';
// lookup
// imports
export * from './imports/assistance-import.entity';
export * from './imports/assistance-import.dto';
export * from './imports/assistance-imports.repository';
export * from './imports/assistance-imports.service';
export * from './imports/assistance-import-runner.service';
export * from './imports/roll-columns';
export * from './imports/roll-row';
// reports

import { AssistanceEntryEntity } from './entries/assistance-entry.entity';
import { StackingRuleEntity } from './stacking/stacking-rule.entity';
import { AssistanceImportEntity } from './imports/assistance-import.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const LEDGER_ENTITIES = [
  AssistanceEntryEntity,
  StackingRuleEntity,
  // imports
  AssistanceImportEntity,
];
