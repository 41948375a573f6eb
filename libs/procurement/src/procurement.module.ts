import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@onedoor/accounts';
import { AreasModule } from '@onedoor/areas';
import { MatchingModule } from '@onedoor/matching';
import { ResourcesModule } from '@onedoor/resources';
import { AwardEntity } from './awards/award.entity';
import { AwardsRepository } from './awards/awards.repository';
import { AwardsService } from './awards/awards.service';
import { BidAuditSealer } from './bids/bid-audit-sealer';
import { BidEntity } from './bids/bid.entity';
import { BidFileEntity } from './bids/bid-file.entity';
import { BidFilesRepository } from './bids/bid-files.repository';
import { BidFilesService } from './bids/bid-files.service';
import { BidderEligibilityService } from './bids/bidder-eligibility.service';
import { BidsRepository } from './bids/bids.repository';
import { BidsService } from './bids/bids.service';
import {
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
} from './contracts/contract.entities';
import { ContractSigningService } from './contracts/contract-signing.service';
import { ContractsRepository } from './contracts/contracts.repository';
import { ContractsService } from './contracts/contracts.service';
import { MilestonesService } from './contracts/milestones.service';
import { MilestoneFileEntity } from './contracts/milestone-file.entity';
import { MilestoneFilesService } from './contracts/milestone-files.service';
import { EvaluationRepository } from './evaluation/evaluation.repository';
import { ModerationService } from './evaluation/moderation.service';
import {
  BidScoreEntity,
  ConflictDeclarationEntity,
  PanelMemberEntity,
  ScoreModerationEntity,
} from './evaluation/panel.entities';
import { PanelService } from './evaluation/panel.service';
import { RankingService } from './evaluation/ranking.service';
import { ScoringService } from './evaluation/scoring.service';
import { OcdsService } from './ocds/ocds.service';
import { EvaluationViewService } from './performance/evaluation-view.service';
import {
  BiddingSuspensionEntity,
  EvaluationAssignmentEntity,
  PerformanceEvaluationEntity,
} from './performance/performance.entities';
import { PerformanceRepository } from './performance/performance.repository';
import { PerformanceService } from './performance/performance.service';
import { ProcurementNotices } from './procurement-notices.service';
import { ProjectLifecycleService } from './tenders/project-lifecycle.service';
import { ServiceProjectEntity } from './tenders/project.entity';
import { ProjectsRepository } from './tenders/projects.repository';
import { ProjectsService } from './tenders/projects.service';

export const PROCUREMENT_ENTITIES = [
  ServiceProjectEntity,
  BidEntity,
  BidFileEntity,
  PanelMemberEntity,
  ConflictDeclarationEntity,
  BidScoreEntity,
  ScoreModerationEntity,
  AwardEntity,
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
  MilestoneFileEntity,
  PerformanceEvaluationEntity,
  EvaluationAssignmentEntity,
  BiddingSuspensionEntity,
];

// One module for the whole lib: the sub-domains call each other's services and repositories
// (a project's detail shows its awards, an award signs a contract), so per-folder modules
// would only re-export each other.
const providers = [
  ProcurementNotices,
  ProjectsRepository,
  ProjectLifecycleService,
  ProjectsService,
  BidsRepository,
  BidderEligibilityService,
  BidsService,
  BidFilesRepository,
  BidFilesService,
  BidAuditSealer,
  EvaluationRepository,
  RankingService,
  PanelService,
  ScoringService,
  ModerationService,
  AwardsRepository,
  AwardsService,
  ContractsRepository,
  ContractSigningService,
  ContractsService,
  MilestonesService,
  MilestoneFilesService,
  PerformanceRepository,
  EvaluationViewService,
  PerformanceService,
  OcdsService,
];

/** Procurement for any process; the API adds {@link ProcurementHttpModule}, the matcher its jobs. */
@Module({
  imports: [
    TypeOrmModule.forFeature(PROCUREMENT_ENTITIES),
    AreasModule,
    ResourcesModule,
    MatchingModule,
    AccountsModule,
  ],
  providers,
  exports: providers,
})
export class ProcurementModule {}
