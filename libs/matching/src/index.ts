export * from './engine/match-engine';
export * from './match-proposal.entity';
export * from './match-run.repository';
export * from './match-run.service';
export * from './match-proposals.repository';
export * from './match-proposals.service';
export * from './matching.module';
export * from './matching-http.module';
export * from './dto/match.dto';
export * from './referrals/referral.entity';
export * from './referrals/decision-snapshot';
export * from './referrals/referrals.service';
export * from './referrals/referral.dto';
export * from './approvals.service';

import { MatchProposalEntity } from './match-proposal.entity';
import { ParkedResourceEntity, ReferralEntity } from './referrals/referral.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const MATCHING_ENTITIES = [MatchProposalEntity, ReferralEntity, ParkedResourceEntity];
