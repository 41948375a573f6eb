import { Module } from '@nestjs/common';
import { AwardsController } from './awards/awards.controller';
import { BidFilesController } from './bids/bid-files.controller';
import { BidsController } from './bids/bids.controller';
import { ContractsController } from './contracts/contracts.controller';
import { MilestoneFilesController } from './contracts/milestone-files.controller';
import { EvaluationController } from './evaluation/evaluation.controller';
import { OcdsController } from './ocds/ocds.controller';
import { PerformanceController } from './performance/performance.controller';
import { ProcurementModule } from './procurement.module';
import { ProjectsController } from './tenders/projects.controller';

@Module({
  imports: [ProcurementModule],
  controllers: [
    ProjectsController,
    OcdsController,
    BidsController,
    BidFilesController,
    EvaluationController,
    AwardsController,
    ContractsController,
    MilestoneFilesController,
    PerformanceController,
  ],
})
export class ProcurementHttpModule {}
