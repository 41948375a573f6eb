export * from './relief.types';
export * from './relief.errors';
export * from './relief.error-messages';
export * from './relief.labels';
export * from './relief.module';
// funds
export * from './funds/relief-fund.entity';
export * from './funds/fund-movement.entity';
// grants
export * from './grants/emergency-grant.entity';
export * from './grants/grant-limit.entity';
// donations
// leads
export * from './leads/lead.entity';
export * from './leads/lead-lifecycle';
export * from './leads/leads.service';
export * from './leads/lead-deadlines.service';
export * from './leads/lead-report.service';
export * from './leads/dto/lead.dto';
export * from './leads/dto/lead-report.dto';
// intake
// follow-up

import { ReliefFundEntity } from './funds/relief-fund.entity';
import { FundMovementEntity } from './funds/fund-movement.entity';
import { EmergencyGrantEntity } from './grants/emergency-grant.entity';
import { GrantLimitEntity } from './grants/grant-limit.entity';
import { LeadEntity } from './leads/lead.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const RELIEF_ENTITIES = [
  // funds
  ReliefFundEntity,
  FundMovementEntity,
  // grants
  EmergencyGrantEntity,
  GrantLimitEntity,
  // donations
  // leads
  LeadEntity,
  // intake
  // follow-up
];
