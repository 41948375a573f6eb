import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A household's move from one community to another: the history the household's current
 * community alone would lose. Its assessments, referrals and visits stay with the household.
 */
@Entity({ name: 'household_move' })
@Index('ix_household_move_household_at', ['householdId', 'at'])
export class HouseholdMoveEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_household_move' })
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'uuid' })
  fromCommunityId!: string;

  @Column({ type: 'uuid' })
  toCommunityId!: string;

  /** The case handed over with the move (null when the household had no open case). */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromAdviserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toAdviserId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  byUserId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Proposals withdrawn because their resource does not cover the new community. */
  @Column({ type: 'integer', default: 0 })
  withdrawnProposals!: number;

  /** When the re-match was queued; empty until then (the sweep catches up). */
  @Column({ type: 'timestamptz', nullable: true })
  matchEnqueuedAt!: Date | null;
}
