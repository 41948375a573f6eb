import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { ResourcesModule } from '@onedoor/resources';
import { CaseCheckInEntity } from './checkins/check-in.entity';
import { CheckInsController } from './checkins/check-ins.controller';
import { CheckInsRepository } from './checkins/check-ins.repository';
import { CheckInsService } from './checkins/check-ins.service';
import { HouseholdMoveEntity } from './moves/household-move.entity';
import { MovesController } from './moves/moves.controller';
import { MovesRepository } from './moves/moves.repository';
import { MovesService } from './moves/moves.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

/**
 * The adviser's file around a household's case (the case itself is households', opened in the
 * registration's transaction): plans, visits and notes, check-ins, supervision, moves and the
 * case timeline. It reads matching (proposals, referrals), so it sits above it.
 */
const providers = [
  CheckInsRepository,
  CheckInsService,
  MovesRepository,
  MovesService,
  TimelineRepository,
  TimelineService,
];

/** The lib's entities, for the TypeORM CLI's data source. */
export const CASEWORK_ENTITIES = [CaseCheckInEntity, HouseholdMoveEntity];

@Module({
  imports: [
    TypeOrmModule.forFeature(CASEWORK_ENTITIES),
    AreasModule,
    HouseholdsModule,
    MatchingModule,
    ResourcesModule,
  ],
  providers,
  exports: providers,
})
export class CaseworkModule {}

@Module({
  imports: [CaseworkModule],
  controllers: [CheckInsController, MovesController, TimelineController],
})
export class CaseworkHttpModule {}
