import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { ResourcesModule } from '@onedoor/resources';
import { ApprovalsService } from './approvals.service';
import { MatchProposalEntity } from './match-proposal.entity';
import { ParkedResourceEntity, ReferralEntity } from './referrals/referral.entity';
import { ReferralEvidenceRepository } from './referrals/referral-evidence.repository';
import { ReferralsRepository } from './referrals/referrals.repository';
import { ReferralsService } from './referrals/referrals.service';
import { MatchesRepository } from './matches.repository';
import { MatchesService } from './matches.service';
import { MatchingRepository } from './matching.repository';
import { MatchingService } from './matching.service';

const providers = [
  MatchingRepository,
  MatchingService,
  MatchesRepository,
  MatchesService,
  ApprovalsService,
  ReferralsRepository,
  ReferralsService,
  ReferralEvidenceRepository,
];

/** Matching for any process; the API adds {@link MatchingHttpModule}, the matcher its processor. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchProposalEntity, ReferralEntity, ParkedResourceEntity]),
    AreasModule,
    ResourcesModule,
    HouseholdsModule,
  ],
  providers,
  exports: providers,
})
export class MatchingModule {}
