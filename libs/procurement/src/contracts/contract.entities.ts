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
import { AwardEntity } from '../awards/award.entity';
import { ServiceProjectEntity } from '../tenders/project.entity';

export const CONTRACT_STATUSES = ['active', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const MILESTONE_OUTCOMES = ['scheduled', 'met', 'partially_met', 'not_met'] as const;
export type MilestoneOutcome = (typeof MILESTONE_OUTCOMES)[number];

/** none: nothing payable (scheduled, not met); waiting: payable, held for a passing evaluation. */
export const PAYMENT_STATUSES = ['none', 'waiting', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

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
