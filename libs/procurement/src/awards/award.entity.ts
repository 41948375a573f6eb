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
import { BidEntity } from '../bids/bid.entity';
import { ServiceProjectEntity } from '../tenders/project.entity';
import { AWARD_STATUSES, type AwardStatus } from '../procurement.types';

/**
 * An award to one bid. The winner accepts or declines before `respondBy`; a decline re-opens
 * the award for the next-ranked bid. At most one award per project is pending or accepted.
 */
@Entity({ name: 'award' })
@Index('uq_award_live_project', ['projectId'], {
  unique: true,
  where: `status IN ('pending', 'accepted')`,
})
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_award' })
  id!: string;

  @Index('ix_award_project_id')
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ServiceProjectEntity)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_award_project' })
  project?: ServiceProjectEntity;

  @Column({ type: 'uuid' })
  bidId!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'fk_award_bid' })
  bid?: BidEntity;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'enum', enum: AWARD_STATUSES, enumName: 'award_status', default: 'pending' })
  status!: AwardStatus;

  /** The bid's rank when awarded, and the total it ranked with. */
  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'numeric', precision: 6, scale: 2 })
  totalScore!: string;

  @Column({ type: 'bigint' })
  valueFen!: string;

  @Column({ type: 'text' })
  justification!: string;

  /** Why a bid other than the best available one was chosen. */
  @Column({ type: 'text', nullable: true })
  deviationReason!: string | null;

  @Column({ type: 'uuid' })
  awardedById!: string;

  @Column({ type: 'timestamptz' })
  respondBy!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
