import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreaEntity } from './area.entity';
import { AreasRepository } from './areas.repository';
import { AreasService } from './areas.service';

/** Areas for any process; the API adds {@link AreasHttpModule} for the routes. */
@Module({
  imports: [TypeOrmModule.forFeature([AreaEntity])],
  providers: [AreasRepository, AreasService],
  exports: [AreasRepository, AreasService],
})
export class AreasModule {}
