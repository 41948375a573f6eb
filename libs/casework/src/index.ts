export * from './casework.errors';
export * from './casework.error-messages';
export * from './casework.labels';
export * from './casework.module';
export * from './checkins/check-in.types';
export * from './checkins/check-in.entity';
export * from './checkins/check-ins.service';
export * from './moves/household-move.entity';
export * from './moves/moves.service';
export * from './outcomes/dto/case-outcome.dto';
export * from './outcomes/outcomes.service';
export * from './supervision/supervision.types';
export { SupervisionService } from './supervision/supervision.service';
export * from './plans/plan.types';
export * from './plans/case-plan.entity';
export * from './plans/plan-sync.service';
export * from './plans/plans.service';
export * from './plans/plan-agreement.service';
export * from './plans/dto/plan.dto';
export * from './visits/visit.types';
export * from './visits/visit.entity';
export * from './visits/dto/visit.dto';
export * from './visits/visits.service';
export * from './visits/visit-schedule.service';

import { CaseCheckInEntity } from './checkins/check-in.entity';
import { HouseholdMoveEntity } from './moves/household-move.entity';
import { CasePlanActionEntity, CasePlanEntity, CasePlanGoalEntity } from './plans/case-plan.entity';
import { CASE_VISITS_ENTITIES } from './visits/visit.entity';
import { CaseSupervisionEntity } from './supervision/supervision.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const CASEWORK_ENTITIES = [
  CasePlanEntity,
  CasePlanGoalEntity,
  CasePlanActionEntity,
  ...CASE_VISITS_ENTITIES,
  CaseCheckInEntity,
  HouseholdMoveEntity,
  CaseSupervisionEntity,
];
