import { Module } from '@nestjs/common';
import { AssessmentsController, AssessmentTemplatesController } from './assessments.controller';
import { HouseholdsController } from './households.controller';
import { HouseholdsModule } from './households.module';

@Module({
  imports: [HouseholdsModule],
  controllers: [HouseholdsController, AssessmentsController, AssessmentTemplatesController],
})
export class HouseholdsHttpModule {}
