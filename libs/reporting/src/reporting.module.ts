import { Module } from '@nestjs/common';
import { AreasModule } from '@onedoor/areas';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { CoverageTrendService } from './coverage-trend.service';
import { CaseOutcomesService } from './case-outcomes.service';
import { WorkSummaryController, WorkSummaryService } from './work-summary';
// ledger: reports
import { AssistanceReportsController } from './assistance/assistance-reports.controller';
import { AssistanceReportsService } from './assistance/assistance-reports.service';

/** Read-only reports over the other libs' tables (no entities of its own). */
@Module({
  imports: [AreasModule],
  providers: [
    ReportsRepository,
    ReportsService,
    CoverageTrendService,
    WorkSummaryService,
    CaseOutcomesService,
    // ledger: reports
    AssistanceReportsService,
  ],
  exports: [
    ReportsService,
    CoverageTrendService,
    WorkSummaryService,
    CaseOutcomesService,
    // ledger: reports
    AssistanceReportsService,
  ],
})
export class ReportingModule {}

@Module({
  imports: [ReportingModule],
  controllers: [
    ReportsController,
    WorkSummaryController,
    // ledger: reports
    AssistanceReportsController,
  ],
})
export class ReportingHttpModule {}
