import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { SupervisionController } from './supervision/supervision.controller';
import { CaseSupervisionEntity } from './supervision/supervision.entity';
import { SupervisionRepository } from './supervision/supervision.repository';
import { SupervisionService } from './supervision/supervision.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

/**
 * The adviser's file around a household's case (the case itself is households', opened in the
 * registration's transaction): plans, visits and notes, check-ins, supervision, moves and the
 * case timeline. It reads matching (proposals, referrals), so it sits above it.
 */
const providers = [TimelineRepository, TimelineService, SupervisionRepository, SupervisionService];

/** The lib's entities, for the TypeORM CLI's data source. */
export const CASEWORK_ENTITIES = [CaseSupervisionEntity];

@Module({
  imports: [
    TypeOrmModule.forFeature(CASEWORK_ENTITIES),
    AreasModule,
    HouseholdsModule,
    MatchingModule,
  ],
  providers,
  exports: providers,
})
export class CaseworkModule {}

@Module({
  imports: [CaseworkModule],
  controllers: [TimelineController, SupervisionController],
})
export class CaseworkHttpModule {}
