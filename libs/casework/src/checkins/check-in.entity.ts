import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AssessmentEntity, HouseholdCaseEntity, HouseholdEntity } from '@onedoor/households';
import { UserEntity } from '@onedoor/platform';
import type { CheckInMode, IncomeChange, MemberChange, ReassessmentReason } from './check-in.types';

/**
 * A light check-in (by phone or at the door): a handful of answers instead of the full
 * assessment, and what they led to (needs opened, a reassessment asked for). Free text is
 * personal data: stored encrypted (PiiCipher), as the household's phone is.
 */
@Entity({ name: 'case_check_in' })
@Index('ix_case_check_in_case_at', ['caseId', 'at'])
@Index('ix_case_check_in_match_pending', ['at'], {
  where: `"match_enqueued_at" IS NULL AND cardinality("opened_needs") > 0`,
})
@Check('ck_case_check_in_mode', `"mode" IN ('phone', 'visit')`)
@Check(
  'ck_case_check_in_income_change',
  `"income_change" IN ('unchanged', 'lost_job', 'fell', 'rose')`,
)
@Check(
  'ck_case_check_in_member_changes',
  `"member_changes" <@ ARRAY['birth', 'death', 'moved_in', 'moved_out']::text[]`,
)
@Check(
  'ck_case_check_in_income',
  `"new_monthly_income_fen" IS NULL OR "new_monthly_income_fen" >= 0`,
)
export class CaseCheckInEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_check_in' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => HouseholdCaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_check_in_case' })
  case?: HouseholdCaseEntity;

  @Index('ix_case_check_in_household_id')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_case_check_in_household' })
  household?: HouseholdEntity;

  @Column({ type: 'text' })
  mode!: CheckInMode;

  @Column({ type: 'text' })
  incomeChange!: IncomeChange;

  @Column({ type: 'integer', nullable: true })
  newMonthlyIncomeFen!: number | null;

  @Column({ type: 'boolean' })
  newSeriousIllness!: boolean;

  @Column({ type: 'boolean' })
  newDisability!: boolean;

  @Column({ type: 'boolean' })
  hospitalStay!: boolean;

  @Column({ type: 'text', array: true })
  memberChanges!: MemberChange[];

  @Column({ type: 'boolean' })
  lostHousing!: boolean;

  @Column({ type: 'boolean' })
  housingDamage!: boolean;

  @Column({ type: 'boolean' })
  rentArrears!: boolean;

  /** Category codes (the resources' dictionary) of difficulties the family named. */
  @Column({ type: 'text', array: true })
  newDifficulties!: string[];

  /** AES-256-GCM ciphertext of the family's own words about the difficulties. */
  @Column({ type: 'text', nullable: true })
  difficultyNoteEnc!: string | null;

  /** AES-256-GCM ciphertext of the adviser's conclusion. */
  @Column({ type: 'text' })
  conclusionEnc!: string;

  /** What it led to: the categories of the needs it opened (an open one is not doubled). */
  @Column({ type: 'text', array: true })
  openedNeeds!: string[];

  /** The assessment those needs were attached to (the latest completed one). */
  @Column({ type: 'uuid', nullable: true })
  assessmentId!: string | null;

  @ManyToOne(() => AssessmentEntity)
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_case_check_in_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'text', array: true })
  reassessmentReasons!: ReassessmentReason[];

  /** When its matching job was queued; empty until then (the sweep queues what a Redis outage left). */
  @Column({ type: 'timestamptz', nullable: true })
  matchEnqueuedAt!: Date | null;

  @Column({ type: 'uuid' })
  byUserId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'by_user_id', foreignKeyConstraintName: 'fk_case_check_in_by_user' })
  byUser?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
