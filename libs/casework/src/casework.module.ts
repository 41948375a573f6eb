import { Module } from '@nestjs/common';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesRepository } from './outcomes/outcomes.repository';
import { OutcomesService } from './outcomes/outcomes.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

/**
 * The adviser's file around a household's case (the case itself is households', opened in the
 * registration's transaction): plans, visits and notes, check-ins, supervision, moves and the
 * case timeline. It reads matching (proposals, referrals), so it sits above it.
 */
const providers = [
  TimelineRepository,
  TimelineService,
  // outcomes
  OutcomesRepository,
  OutcomesService,
];

@Module({
  imports: [AreasModule, HouseholdsModule, MatchingModule],
  providers,
  exports: providers,
})
export class CaseworkModule {}

@Module({
  imports: [CaseworkModule],
  controllers: [
    TimelineController,
    // outcomes
    OutcomesController,
  ],
})
export class CaseworkHttpModule {}
