import { Module } from '@nestjs/common';
import { AreasController } from './areas.controller';
import { AreasModule } from './areas.module';
import { PublicAreasController } from './public-areas.controller';

@Module({ imports: [AreasModule], controllers: [AreasController, PublicAreasController] })
export class AreasHttpModule {}
