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
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesRepository } from './outcomes/outcomes.repository';
import { OutcomesService } from './outcomes/outcomes.service';
import { SupervisionController } from './supervision/supervision.controller';
import { CaseSupervisionEntity } from './supervision/supervision.entity';
import { SupervisionRepository } from './supervision/supervision.repository';
import { SupervisionService } from './supervision/supervision.service';
import { CasePlanActionEntity, CasePlanEntity, CasePlanGoalEntity } from './plans/case-plan.entity';
import { PlanAgreementService } from './plans/plan-agreement.service';
import { PlanSyncRepository } from './plans/plan-sync.repository';
import { PlanSyncService } from './plans/plan-sync.service';
import { PlansController } from './plans/plans.controller';
import { PlansRepository } from './plans/plans.repository';
import { PlansService } from './plans/plans.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';
import { CASE_VISITS_ENTITIES } from './visits/visit.entity';
import { VisitScheduleService } from './visits/visit-schedule.service';
import { VisitsController } from './visits/visits.controller';
import { VisitsRepository } from './visits/visits.repository';
import { VisitsService } from './visits/visits.service';

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
  // plans
  PlansRepository,
  PlanSyncRepository,
  PlanSyncService,
  PlansService,
  PlanAgreementService,
  // timeline
  TimelineRepository,
  TimelineService,
  // visits and notes
  VisitsRepository,
  VisitsService,
  VisitScheduleService,
  // outcomes
  OutcomesRepository,
  OutcomesService,
  // supervision
  SupervisionRepository,
  SupervisionService,
];

@Module({
  imports: [
    AreasModule,
    HouseholdsModule,
    MatchingModule,
    TypeOrmModule.forFeature([
      CasePlanEntity,
      CasePlanGoalEntity,
      CasePlanActionEntity,
      ...CASE_VISITS_ENTITIES,
      CaseCheckInEntity,
      HouseholdMoveEntity,
      CaseSupervisionEntity,
    ]),
    ResourcesModule,
  ],
  providers,
  exports: providers,
})
export class CaseworkModule {}

@Module({
  imports: [CaseworkModule],
  controllers: [
    PlansController,
    CheckInsController,
    MovesController,
    TimelineController,
    VisitsController,
    OutcomesController,
    SupervisionController,
  ],
})
export class CaseworkHttpModule {}
