export * from './ledger.types';
export * from './ledger.errors';
export * from './ledger.error-messages';
export * from './ledger.labels';
export * from './ledger.module';
// entries
export * from './entries/assistance-entry.entity';
export * from './entries/assistance-entries.repository';
export * from './entries/assistance-entries.service';
export * from './entries/dto/assistance-entry.dto';
// stacking
export * from './stacking/stacking-rule.entity';
export * from './stacking/stacking.types';
export * from './stacking/stacking.dto';
export * from './stacking/rules.dto';
export * from './stacking/stacking';
export * from './stacking/stacking.repository';
export * from './stacking/stacking-error';
// lookup
export * from './lookup/lookup.types';
export * from './lookup/lookup-period.util';
export * from './lookup/assistance-lookup.entity';
export * from './lookup/assistance-lookups.repository';
export * from './lookup/assistance-lookups.service';
export * from './lookup/lookup-throttle.service';
export * from './lookup/dto/assistance-lookup.dto';
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
import { AssistanceLookupEntity } from './lookup/assistance-lookup.entity';
import { AssistanceImportEntity } from './imports/assistance-import.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const LEDGER_ENTITIES = [
  AssistanceEntryEntity,
  StackingRuleEntity,
  // lookup
  AssistanceLookupEntity,
  // imports
  AssistanceImportEntity,
];
