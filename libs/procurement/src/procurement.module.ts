import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '@onedoor/areas';
import { ResourcesModule } from '@onedoor/resources';
import { AwardEntity } from './award.entity';
import { BidEntity } from './bid.entity';
import { BidsService } from './bids.service';
import { EvaluationService } from './evaluation/evaluation.service';
import {
  BidScoreEntity,
  ConflictDeclarationEntity,
  PanelMemberEntity,
  ScoreModerationEntity,
} from './evaluation/panel.entities';
import { ProcurementRepository } from './procurement.repository';
import { ServiceProjectEntity } from './project.entity';
import { ProjectsService } from './projects.service';
import {
  BiddingSuspensionEntity,
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
  EvaluationAssignmentEntity,
  PerformanceEvaluationEntity,
} from './contracts/contract.entities';
import { ContractsRepository } from './contracts/contracts.repository';
import { ContractsService } from './contracts/contracts.service';
import { PerformanceService } from './contracts/performance.service';
import { OcdsService } from './ocds/ocds.service';

export const PROCUREMENT_ENTITIES = [
  ServiceProjectEntity,
  BidEntity,
  PanelMemberEntity,
  ConflictDeclarationEntity,
  BidScoreEntity,
  ScoreModerationEntity,
  AwardEntity,
  ContractEntity,
  ContractMilestoneEntity,
  ContractPaymentEntity,
  PerformanceEvaluationEntity,
  EvaluationAssignmentEntity,
  BiddingSuspensionEntity,
];

const providers = [
  ProcurementRepository,
  ProjectsService,
  BidsService,
  EvaluationService,
  ContractsRepository,
  ContractsService,
  PerformanceService,
  OcdsService,
];

/** Procurement for any process; the API adds {@link ProcurementHttpModule}, the matcher its jobs. */
@Module({
  imports: [TypeOrmModule.forFeature(PROCUREMENT_ENTITIES), AreasModule, ResourcesModule],
  providers,
  exports: providers,
})
export class ProcurementModule {}
