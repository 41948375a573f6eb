import { Module } from '@nestjs/common';
import { AreasModule } from '@onedoor/areas';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Read-only reports over the other libs' tables (no entities of its own). */
@Module({
  imports: [AreasModule],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportingModule {}

@Module({
  imports: [ReportingModule],
  controllers: [ReportsController],
})
export class ReportingHttpModule {}
