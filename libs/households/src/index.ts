export * from './household.types';
export * from './id-number.util';
export * from './tier/tier.util';
export * from './template/template.types';
export * from './template/scoring.util';
export * from './household.entity';
export * from './member.entity';
export * from './assessment-template.entity';
export * from './assessment.entity';
export * from './need.entity';
export * from './import/household-import.entity';
export * from './cases/case.types';
export * from './cases/case.entity';
export * from './cases/cases.service';
export * from './cases/cases.repository';
export * from './cases/dto/case.dto';

import { AssessmentTemplateEntity } from './assessment-template.entity';
import { AssessmentEntity } from './assessment.entity';
import { HouseholdEntity } from './household.entity';
import { MemberEntity } from './member.entity';
import { NeedEntity } from './need.entity';
import { HouseholdImportEntity } from './import/household-import.entity';
import { CaseAssignmentEntity, HouseholdCaseEntity } from './cases/case.entity';
import { HouseholdReadEntity } from './household-read.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const HOUSEHOLDS_ENTITIES = [
  HouseholdEntity,
  MemberEntity,
  AssessmentTemplateEntity,
  AssessmentEntity,
  NeedEntity,
  HouseholdImportEntity,
  HouseholdCaseEntity,
  CaseAssignmentEntity,
  HouseholdReadEntity,
];
export * from './facts.util';
export * from './household.mapper';
export * from './households.repository';
export { HouseholdPhoneBackfill, phoneDigest } from './household-search';
export * from './needs.repository';
export * from './household-facts.repository';
export * from './households.service';
export * from './assessment-templates.repository';
export * from './assessment-templates.service';
export * from './assessments.repository';
export * from './assessments/assessments.service';
export { addMonths } from './assessments/gradual-exit.util';
export * from './household-exit.service';
export * from './household-reminders.service';
export * from './import/household-import.service';
export * from './import/household-imports.service';
export * from './import/household-imports.repository';
export * from './import/household-import-runner.service';
export * from './import/csv-columns';
// The import pieces the ledger's roll imports reuse (file reading, error sheet, template).
export * from './import/import-file.util';
export * from './import/import-job.store';
export {
  buildErrorSheet,
  REASON_HEADER,
  ROW_HEADER,
  type RefusedRow,
  templateWorkbook,
} from './import/import-sheets.util';
export { constraintReason } from './import/import-reasons';
export { RefusedRowDto } from './dto/household-import.dto';
export * from './households.module';
export * from './households-http.module';
export * from './dto/household.dto';
export * from './dto/id-number.validator';
export * from './dto/assessment.dto';
export * from './households.errors';
export * from './household.labels';
export * from './households.error-messages';
export * from './household-read.entity';
export * from './household-reads.repository';
export * from './household-reads.service';
export * from './household-reads.dto';
