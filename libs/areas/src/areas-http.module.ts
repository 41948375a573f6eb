import { Module } from '@nestjs/common';
import { AreasController } from './areas.controller';
import { AreasModule } from './areas.module';

@Module({ imports: [AreasModule], controllers: [AreasController] })
export class AreasHttpModule {}
