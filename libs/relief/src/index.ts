export * from './relief.types';
export * from './relief.errors';
export * from './relief.error-messages';
export * from './relief.labels';
export * from './relief.module';
// funds
export * from './funds/relief-fund.entity';
export * from './funds/fund-movement.entity';
export * from './funds/relief-funds.repository';
export * from './funds/relief-funds.service';
export * from './funds/fund-statements.service';
export * from './funds/dto/relief-fund.dto';
// grants
export * from './grants/emergency-grant.entity';
export * from './grants/grant-limit.entity';
export * from './grants/grant-limits.util';
export * from './grants/grants.service';
export * from './grants/grant-limits.service';
export * from './grants/grant-deadlines.service';
export * from './grants/dto/emergency-grant.dto';
// donations
export * from './donations/donation.entity';
export * from './donations/donations.service';
export * from './donations/dto/donation.dto';
// leads
export * from './leads/lead.entity';
export * from './leads/lead-lifecycle';
export * from './leads/leads.service';
export * from './leads/lead-deadlines.service';
export * from './leads/lead-report.service';
export * from './leads/dto/lead.dto';
export * from './leads/dto/lead-report.dto';
// intake
export * from './intake/relief-intake.entity';
export * from './intake/dto/emergency-intake.dto';
export * from './intake/emergency-intakes.service';
// follow-up
export * from './follow-up/relief-follow-up.entity';
export * from './follow-up/dto/follow-up.dto';
export * from './follow-up/follow-ups.service';

import { ReliefFundEntity } from './funds/relief-fund.entity';
import { FundMovementEntity } from './funds/fund-movement.entity';
import { EmergencyGrantEntity } from './grants/emergency-grant.entity';
import { GrantLimitEntity } from './grants/grant-limit.entity';
import { LeadEntity } from './leads/lead.entity';
import { ReliefIntakeEntity, ReliefIntakeFileEntity } from './intake/relief-intake.entity';
import { ReliefFollowUpEntity } from './follow-up/relief-follow-up.entity';
import { DonationEntity } from './donations/donation.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const RELIEF_ENTITIES = [
  // funds
  ReliefFundEntity,
  FundMovementEntity,
  // grants
  EmergencyGrantEntity,
  GrantLimitEntity,
  // donations
  DonationEntity,
  // leads
  LeadEntity,
  // intake
  ReliefIntakeEntity,
  ReliefIntakeFileEntity,
  // follow-up
  ReliefFollowUpEntity,
];
