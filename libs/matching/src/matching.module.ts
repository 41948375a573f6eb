import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { HouseholdsModule } from '@onedoor/households';
import { LedgerModule } from '@onedoor/ledger';
import { ResourcesModule } from '@onedoor/resources';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { BulkApprovalsService } from './bulk-approvals.service';
import { MatchProposalEntity } from './match-proposal.entity';
import {
  ContactAccessEntity,
  ParkedResourceEntity,
  ReferralEntity,
} from './referrals/referral.entity';
import { ReferralEvidenceRepository } from './referrals/referral-evidence.repository';
import { ReferralReleaseService } from './referrals/referral-release.service';
import { ReferralsRepository } from './referrals/referrals.repository';
import { ReferralsService } from './referrals/referrals.service';
import { ReferralContactService } from './referrals/referral-contact.service';
import { MatchProposalsRepository } from './match-proposals.repository';
import { MatchProposalsService } from './match-proposals.service';
import { MatchRunRepository } from './match-run.repository';
import { MatchRunService } from './match-run.service';
import { HouseholdBenefitsRepository } from './household-benefits.repository';
import { ProposalDeadlinesService } from './proposal-deadlines.service';

const providers = [
  MatchRunRepository,
  MatchRunService,
  MatchProposalsRepository,
  MatchProposalsService,
  ApprovalsRepository,
  ApprovalsService,
  ReferralsRepository,
  ReferralReleaseService,
  ReferralsService,
  ReferralEvidenceRepository,
  ProposalDeadlinesService,
  ReferralContactService,
  BulkApprovalsService,
  HouseholdBenefitsRepository,
];

/** Matching for any process; the API adds {@link MatchingHttpModule}, the matcher its processor. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MatchProposalEntity,
      ReferralEntity,
      ParkedResourceEntity,
      ContactAccessEntity,
    ]),
    AreasModule,
    ResourcesModule,
    HouseholdsModule,
    LedgerModule,
  ],
  providers,
  exports: providers,
})
export class MatchingModule {}
