import { Module } from '@nestjs/common';
import { BidsController } from './bids.controller';
import { ProcurementModule } from './procurement.module';
import { ProjectsController } from './projects.controller';

@Module({ imports: [ProcurementModule], controllers: [ProjectsController, BidsController] })
export class ProcurementHttpModule {}
