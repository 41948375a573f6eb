import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { HouseholdCaseEntity, HouseholdEntity } from '@onedoor/households';
import { UserEntity } from '@onedoor/platform';

/**
 * A household's move from one community to another: the history the household's current
 * community alone would lose. Its assessments, referrals and visits stay with the household.
 */
@Entity({ name: 'household_move' })
@Index('ix_household_move_household_at', ['householdId', 'at'])
@Index('ix_household_move_match_pending', ['at'], { where: `"match_enqueued_at" IS NULL` })
@Check('ck_household_move_other_community', `"from_community_id" <> "to_community_id"`)
export class HouseholdMoveEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_household_move' })
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_move_household' })
  household?: HouseholdEntity;

  @Column({ type: 'uuid' })
  fromCommunityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'from_community_id', foreignKeyConstraintName: 'fk_household_move_from' })
  fromCommunity?: AreaEntity;

  @Column({ type: 'uuid' })
  toCommunityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'to_community_id', foreignKeyConstraintName: 'fk_household_move_to' })
  toCommunity?: AreaEntity;

  /** The case handed over with the move (null when the household had no open case). */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => HouseholdCaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_household_move_case' })
  case?: HouseholdCaseEntity;

  @Column({ type: 'uuid', nullable: true })
  fromAdviserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toAdviserId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  byUserId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'by_user_id', foreignKeyConstraintName: 'fk_household_move_by_user' })
  byUser?: UserEntity;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Proposals withdrawn because their resource does not cover the new community. */
  @Column({ type: 'integer', default: 0 })
  withdrawnProposals!: number;

  /** When the re-match was queued; empty until then (the sweep catches up). */
  @Column({ type: 'timestamptz', nullable: true })
  matchEnqueuedAt!: Date | null;
}
