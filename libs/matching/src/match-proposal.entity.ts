import {
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
import { HouseholdEntity, NeedEntity } from '@onedoor/households';
import { ResourceEntity } from '@onedoor/resources';
import type { ExplanationItem, Urgency } from './engine/match-engine';

export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'rejected',
  'superseded',
  'expired',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * One resource proposed for one need by one matching run. (need, resource, assessment) is
 * unique, so a retried job inserts nothing twice.
 */
@Entity({ name: 'match_proposal' })
@Index('uq_match_proposal_need_resource_assessment', ['needId', 'resourceId', 'assessmentId'], {
  unique: true,
})
@Index('ix_match_proposal_status_urgency', ['status', 'urgency', 'createdAt'])
// The approval queue's order (urgency DESC, created_at, id); TypeORM cannot declare a
// descending column, so the migration (1766110000000) creates it and sync leaves it alone.
@Index('ix_match_proposal_queue', { synchronize: false })
export class MatchProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  needId!: string;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_match_proposal_need' })
  need?: NeedEntity;

  @Index('ix_match_proposal_household_id')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_match_proposal_household' })
  household?: HouseholdEntity;

  @Index('ix_match_proposal_resource_id')
  @Column({ type: 'uuid' })
  resourceId!: string;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_id', foreignKeyConstraintName: 'fk_match_proposal_resource' })
  resource?: ResourceEntity;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @Column({
    type: 'enum',
    enum: PROPOSAL_STATUSES,
    enumName: 'proposal_status',
    default: 'proposed',
  })
  status!: ProposalStatus;

  @Column({ type: 'numeric', precision: 6, scale: 4 })
  score!: string;

  @Column({ type: 'smallint' })
  rank!: number;

  /** The need's urgency and category, copied so the approval queue sorts without joins. */
  @Column({ type: 'enum', enum: ['normal', 'urgent', 'emergency'], enumName: 'need_urgency' })
  urgency!: Urgency;

  @Column({ type: 'text' })
  categoryCode!: string;

  @Column({ type: 'jsonb' })
  explanation!: ExplanationItem[];

  /** Who approved or rejected it, when, and (for a rejection) why. */
  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  /** When a proposal still waiting for approval is overdue (SLA_APPROVAL_HOURS from proposal). */
  @Column({ type: 'timestamptz', nullable: true })
  approvalDueAt!: Date | null;

  /** Set by the sweep when the approval deadline passed (it notifies once). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /** The area above the household's community whose staff the overdue proposal went to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

/**
 * A proposal's pending deadline (its approval deadline) as SQL over alias `m`, and read from
 * the entity: sorting by deadline and `dueWithin` apply to proposals as they do to referrals.
 */
export const PROPOSAL_DEADLINE_SQL = 'm.approval_due_at';
export const proposalDeadline = (m: MatchProposalEntity): Date | null => m.approvalDueAt;
