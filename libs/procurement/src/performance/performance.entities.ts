import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ReferralEvidence } from '@onedoor/matching';
import { ContractEntity } from '../contracts/contract.entities';
import type { DimensionWeights } from '../procurement.types';

export const EVALUATION_KINDS = ['mid_term', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATOR_TYPES = ['government', 'third_party', 'recipient_representative'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** What the platform's referrals say about the contracted service (counted by matching). */
export type PlatformEvidence = ReferralEvidence;

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
