import { Module } from '@nestjs/common';
import { AssessmentsController, AssessmentTemplatesController } from './assessments.controller';
import { HouseholdsController } from './households.controller';
import { HouseholdImportsController } from './import/household-imports.controller';
import { HouseholdsModule } from './households.module';
import { CasesController } from './cases/cases.controller';
import { NeedGapController } from './need-gap.controller';
import { HouseholdReadsController } from './household-reads.controller';

@Module({
  imports: [HouseholdsModule],
  controllers: [
    HouseholdsController,
    HouseholdImportsController,
    AssessmentsController,
    AssessmentTemplatesController,
    CasesController,
    NeedGapController,
    HouseholdReadsController,
  ],
})
export class HouseholdsHttpModule {}
