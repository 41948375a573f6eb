// What other libs, the apps and the tests use: the modules, the services the matcher's
// processors call, the entities and the referral statuses reports count by. The HTTP reads
// (proposals, DTOs) and the repositories stay inside, except the match-run repository, whose
// batching the e2e tests observe, and the lock order every lib's multi-row transaction keeps.
export * from './engine/match-engine';
export * from './match-proposal.entity';
export * from './match-run.repository';
export * from './match-run.service';
export * from './matching.module';
export * from './matching-http.module';
export * from './referrals/referral.entity';
export * from './referrals/decision-snapshot';
export * from './referrals/referrals.service';
export * from './referrals/referral-evidence.repository';
export * from './approvals.service';
export * from './proposal-deadlines.service';
export * from './lock-order';

import { MatchProposalEntity } from './match-proposal.entity';
import {
  ContactAccessEntity,
  ParkedResourceEntity,
  ReferralEntity,
} from './referrals/referral.entity';
/** The lib's entities, for the TypeORM CLI's data source. */
export const MATCHING_ENTITIES = [
  MatchProposalEntity,
  ReferralEntity,
  ParkedResourceEntity,
  ContactAccessEntity,
];
export * from './matching.errors';
export * from './matching.labels';
export * from './matching.error-messages';
