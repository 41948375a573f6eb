import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ProviderEntity, ResourceEntity } from '@onedoor/resources';
import { AwardEntity } from '../award.entity';
import { ServiceProjectEntity } from '../project.entity';
import type { DimensionWeights } from '../procurement.types';

export const CONTRACT_STATUSES = ['active', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const MILESTONE_OUTCOMES = ['scheduled', 'met', 'partially_met', 'not_met'] as const;
export type MilestoneOutcome = (typeof MILESTONE_OUTCOMES)[number];

/** none: nothing payable (scheduled, not met); waiting: payable, held for a passing evaluation. */
export const PAYMENT_STATUSES = ['none', 'waiting', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const EVALUATION_KINDS = ['mid_term', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATOR_TYPES = ['government', 'third_party', 'recipient_representative'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** What the platform's referrals say about the contracted service. */
export interface PlatformEvidence {
  referrals: number;
  acceptedWithinDeadline: number;
  deliveredWithinDeadline: number;
  closedResolved: number;
  meanSatisfaction: number | null;
  satisfactionResponses: number;
}

/** The contract an accepted award becomes: the winner's service, paid by milestone. */
@Entity({ name: 'contract' })
@Check('ck_contract_value', `"value_fen" > 0`)
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contract' })
  id!: string;

  @Index('ix_contract_project_id')
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ServiceProjectEntity)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_contract_project' })
  project?: ServiceProjectEntity;

  @Index('uq_contract_award', { unique: true })
  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => AwardEntity)
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'fk_contract_award' })
  award?: AwardEntity;

  @Index('ix_contract_provider_id')
  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_contract_provider' })
  provider?: ProviderEntity;

  /** The purchased service as a resource of the pool; closes with the contract. */
  @Index('uq_contract_resource', { unique: true })
  @Column({ type: 'uuid' })
  resourceId!: string;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_id', foreignKeyConstraintName: 'fk_contract_resource' })
  resource?: ResourceEntity;

  @Column({ type: 'text' })
  title!: string;

  /** The project's area path: scope for staff. */
  @Index('ix_contract_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({ type: 'bigint' })
  valueFen!: string;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'enum', enum: CONTRACT_STATUSES, enumName: 'contract_status', default: 'active' })
  status!: ContractStatus;

  @Column({ type: 'timestamptz' })
  signedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  terminationReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

@Entity({ name: 'contract_milestone' })
@Check('ck_contract_milestone_share', `"share_percent" BETWEEN 1 AND 100`)
@Check(
  'ck_contract_milestone_delivered',
  `"delivered_percent" IS NULL OR "delivered_percent" BETWEEN 0 AND 100`,
)
export class ContractMilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contract_milestone' })
  id!: string;

  @Index('ix_contract_milestone_contract_id')
  @Column({ type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity)
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_milestone_contract' })
  contract?: ContractEntity;

  @Column({ type: 'smallint' })
  seq!: number;

  @Column({ type: 'text' })
  deliverable!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'smallint' })
  sharePercent!: number;

  /** share × contract value: what a fully met milestone pays. */
  @Column({ type: 'bigint' })
  amountFen!: string;

  @Column({
    type: 'enum',
    enum: MILESTONE_OUTCOMES,
    enumName: 'milestone_outcome',
    default: 'scheduled',
  })
  outcome!: MilestoneOutcome;

  /** For a partially met milestone: the share of it delivered (pro rata payment). */
  @Column({ type: 'smallint', nullable: true })
  deliveredPercent!: number | null;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** What the outcome makes payable (fen). */
  @Column({ type: 'bigint', nullable: true })
  payableFen!: string | null;

  @Column({
    type: 'enum',
    enum: PAYMENT_STATUSES,
    enumName: 'milestone_payment_status',
    default: 'none',
  })
  paymentStatus!: PaymentStatus;
}

/** A payment made on a milestone, with the evaluation that allowed it. */
@Entity({ name: 'contract_payment' })
export class ContractPaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contract_payment' })
  id!: string;

  @Index('ix_contract_payment_contract_id')
  @Column({ type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity)
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_payment_contract' })
  contract?: ContractEntity;

  /** One payment per milestone. */
  @Index('uq_contract_payment_milestone', { unique: true })
  @Column({ type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => ContractMilestoneEntity)
  @JoinColumn({
    name: 'milestone_id',
    foreignKeyConstraintName: 'fk_contract_payment_milestone',
  })
  milestone?: ContractMilestoneEntity;

  @Column({ type: 'bigint' })
  amountFen!: string;

  @Column({ type: 'uuid' })
  evaluationId!: string;

  @Column({ type: 'timestamptz' })
  paidAt!: Date;
}

/** A mid-term or final performance evaluation of a contract. */
@Entity({ name: 'performance_evaluation' })
@Index('uq_performance_evaluation_open', ['contractId'], {
  unique: true,
  where: `status = 'open'`,
})
export class PerformanceEvaluationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_performance_evaluation' })
  id!: string;

  @Index('ix_performance_evaluation_contract_id')
  @Column({ type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity)
  @JoinColumn({
    name: 'contract_id',
    foreignKeyConstraintName: 'fk_performance_evaluation_contract',
  })
  contract?: ContractEntity;

  @Column({ type: 'enum', enum: EVALUATION_KINDS, enumName: 'evaluation_kind' })
  kind!: EvaluationKind;

  @Column({
    type: 'enum',
    enum: ['open', 'completed'],
    enumName: 'evaluation_status',
    default: 'open',
  })
  status!: 'open' | 'completed';

  @Column({ type: 'jsonb' })
  weights!: DimensionWeights;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  finalScore!: string | null;

  @Column({ type: 'enum', enum: GRADES, enumName: 'evaluation_grade', nullable: true })
  grade!: Grade | null;

  /** The platform evidence as it stood at completion. */
  @Column({ type: 'jsonb', nullable: true })
  evidence!: PlatformEvidence | null;

  @Column({ type: 'uuid' })
  openedById!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  providerComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  providerCommentedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

/** An evaluator of one evaluation, with their dimension scores once submitted (then locked). */
@Entity({ name: 'evaluation_assignment' })
export class EvaluationAssignmentEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_evaluation_assignment' })
  evaluationId!: string;

  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_evaluation_assignment' })
  userId!: string;

  @ManyToOne(() => PerformanceEvaluationEntity)
  @JoinColumn({
    name: 'evaluation_id',
    foreignKeyConstraintName: 'fk_evaluation_assignment_evaluation',
  })
  evaluation?: PerformanceEvaluationEntity;

  @Column({ type: 'enum', enum: EVALUATOR_TYPES, enumName: 'evaluator_type' })
  type!: EvaluatorType;

  @Column({ type: 'jsonb', nullable: true })
  scores!: DimensionWeights | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;
}

/** An organization barred from bidding after a failed evaluation, until `until`. */
@Entity({ name: 'bidding_suspension' })
export class BiddingSuspensionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_bidding_suspension' })
  id!: string;

  @Index('ix_bidding_suspension_provider_id')
  @Column({ type: 'uuid' })
  providerId!: string;

  @Index('uq_bidding_suspension_evaluation', { unique: true })
  @Column({ type: 'uuid' })
  evaluationId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  until!: Date;
}
