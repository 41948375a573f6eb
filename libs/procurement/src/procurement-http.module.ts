import { Module } from '@nestjs/common';
import { BidsController } from './bids.controller';
import { ProcurementModule } from './procurement.module';
import { ProjectsController } from './projects.controller';
import { ContractsController } from './contracts/contracts.controller';

@Module({
  imports: [ProcurementModule],
  controllers: [ProjectsController, BidsController, ContractsController],
})
export class ProcurementHttpModule {}
