import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from '@onedoor/platform';
import { HouseholdEntity } from '../household.entity';
import { CASE_CLOSE_REASONS, type CaseCloseReason, type CaseStatus } from './case.types';

/**
 * A household's file: who accompanies the family (the adviser) from registration to exit. At
 * most one open case per household (the partial unique index decides between two reopenings
 * sent at once); a closed case keeps its reason.
 */
@Entity({ name: 'household_case' })
@Index('ux_household_case_open', ['householdId'], { unique: true, where: `"status" = 'open'` })
@Index('ix_household_case_adviser_status', ['adviserId', 'status'])
@Check('ck_household_case_status', `"status" IN ('open', 'closed')`)
@Check(
  'ck_household_case_close_reason',
  `"close_reason" IS NULL OR "close_reason" IN (${CASE_CLOSE_REASONS.map((r) => `'${r}'`).join(', ')})`,
)
export class HouseholdCaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_household_case' })
  id!: string;

  @Index('ix_household_case_household_id')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_case_household' })
  household?: HouseholdEntity;

  @Column({ type: 'text', default: 'open' })
  status!: CaseStatus;

  /** The adviser (an assessor); null while unassigned. */
  @Column({ type: 'uuid', nullable: true })
  adviserId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'adviser_id', foreignKeyConstraintName: 'fk_household_case_adviser' })
  adviser?: UserEntity;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  /** Null for a case the migration opened for a household registered before cases. */
  @Column({ type: 'uuid', nullable: true })
  openedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  closeReason!: CaseCloseReason | null;

  @Column({ type: 'text', nullable: true })
  closeNote!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;
}

/** One hand-over (or first assignment) of a case: from whom, to whom, why, by whom, when. */
@Entity({ name: 'case_assignment' })
@Index('ix_case_assignment_case_at', ['caseId', 'at'])
export class CaseAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_assignment' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => HouseholdCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_assignment_case' })
  case?: HouseholdCaseEntity;

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
}
