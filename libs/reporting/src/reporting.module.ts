import { Module } from '@nestjs/common';
import { AreasModule } from '@onedoor/areas';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { CoverageTrendService } from './coverage-trend.service';
import { CaseOutcomesService } from './case-outcomes.service';
import { WorkSummaryController, WorkSummaryService } from './work-summary';

/** Read-only reports over the other libs' tables (no entities of its own). */
@Module({
  imports: [AreasModule],
  providers: [
    ReportsRepository,
    ReportsService,
    CoverageTrendService,
    WorkSummaryService,
    CaseOutcomesService,
  ],
  exports: [ReportsService, CoverageTrendService, WorkSummaryService, CaseOutcomesService],
})
export class ReportingModule {}

@Module({
  imports: [ReportingModule],
  controllers: [ReportsController, WorkSummaryController],
})
export class ReportingHttpModule {}
