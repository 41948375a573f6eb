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
// donations
export * from './donations/donation.entity';
export * from './donations/donations.service';
export * from './donations/dto/donation.dto';
// leads
export * from './leads/lead.entity';
// intake
// follow-up

import { ReliefFundEntity } from './funds/relief-fund.entity';
import { FundMovementEntity } from './funds/fund-movement.entity';
import { EmergencyGrantEntity } from './grants/emergency-grant.entity';
import { GrantLimitEntity } from './grants/grant-limit.entity';
import { LeadEntity } from './leads/lead.entity';
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
  // follow-up
];
