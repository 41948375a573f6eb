import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { ResourcesModule } from '@onedoor/resources';
import { AssessmentTemplateEntity } from './assessment-template.entity';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import { AssessmentTemplatesService } from './assessment-templates.service';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentCompletionService } from './assessments/assessment-completion.service';
import { AssessmentsService } from './assessments/assessments.service';
import { HouseholdPhoneBackfill, HouseholdSearchService } from './household-search';
import { HouseholdExitService } from './household-exit.service';
import { HouseholdRemindersService } from './household-reminders.service';
import { HouseholdEntity } from './household.entity';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';
import { HouseholdFactsRepository } from './household-facts.repository';
import { NeedsRepository } from './needs.repository';
import { HouseholdImportService } from './import/household-import.service';
import { HouseholdImportEntity } from './import/household-import.entity';
import { HouseholdImportRunner } from './import/household-import-runner.service';
import { HouseholdImportsRepository } from './import/household-imports.repository';
import { HouseholdImportsService } from './import/household-imports.service';
import { HouseholdRowImporter } from './import/household-row-importer';
import { MemberEntity } from './member.entity';
import { CaseAssignmentEntity, HouseholdCaseEntity } from './cases/case.entity';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { NeedEntity } from './need.entity';
import { NeedGapRepository } from './need-gap.repository';
import { NeedGapService } from './need-gap.service';
import { HouseholdReadEntity } from './household-read.entity';
import { HouseholdReadsRepository } from './household-reads.repository';
import { HouseholdReadsService } from './household-reads.service';

const providers = [
  CasesRepository,
  CasesService,
  HouseholdsRepository,
  NeedsRepository,
  HouseholdFactsRepository,
  HouseholdsService,
  AssessmentTemplatesRepository,
  AssessmentTemplatesService,
  AssessmentsRepository,
  AssessmentCompletionService,
  AssessmentsService,
  HouseholdExitService,
  HouseholdRemindersService,
  HouseholdRowImporter,
  HouseholdImportService,
  HouseholdImportsRepository,
  HouseholdImportsService,
  HouseholdImportRunner,
  HouseholdSearchService,
  HouseholdPhoneBackfill,
  NeedGapRepository,
  NeedGapService,
  HouseholdReadsRepository,
  HouseholdReadsService,
];

/** Households, assessments and needs for any process; the API adds {@link HouseholdsHttpModule}. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      HouseholdEntity,
      MemberEntity,
      AssessmentTemplateEntity,
      AssessmentEntity,
      NeedEntity,
      HouseholdImportEntity,
      HouseholdCaseEntity,
      CaseAssignmentEntity,
      HouseholdReadEntity,
    ]),
    AreasModule,
    ResourcesModule,
  ],
  providers,
  exports: providers,
})
export class HouseholdsModule {}
