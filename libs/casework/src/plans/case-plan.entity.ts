import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HouseholdCaseEntity, NeedEntity } from '@onedoor/households';
import { MatchProposalEntity, ReferralEntity } from '@onedoor/matching';
import { StoredFileEntity, UserEntity } from '@onedoor/platform';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  type ActionKind,
  type ActionStatus,
  AGREEMENT_METHODS,
  type AgreementMethod,
  GOAL_FLAG_REASONS,
  GOAL_STATUSES,
  type GoalFlagReason,
  type GoalStatus,
  PLAN_STATUSES,
  type PlanStatus,
  sqlList,
} from './plan.types';

/**
 * One version of a case's plan: a new version is a new row, the highest is current. At most
 * one draft per case (partial unique index); `revision` counts the edits of the row (the
 * version check of a draft's edits and of the plan sync's updates).
 */
@Entity({ name: 'case_plan' })
@Index('ux_case_plan_case_version', ['caseId', 'version'], { unique: true })
@Index('ux_case_plan_draft', ['caseId'], { unique: true, where: `"status" = 'draft'` })
@Check('ck_case_plan_status', `"status" IN (${sqlList(PLAN_STATUSES)})`)
@Check(
  'ck_case_plan_agreement_method',
  `"agreement_method" IS NULL OR "agreement_method" IN (${sqlList(AGREEMENT_METHODS)})`,
)
export class CasePlanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_plan' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => HouseholdCaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_plan_case' })
  case?: HouseholdCaseEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  @Column({ type: 'timestamptz', nullable: true })
  agreedAt!: Date | null;

  /** The family member who agreed (free text; never in audit data). */
  @Column({ type: 'text', nullable: true })
  agreedByName!: string | null;

  @Column({ type: 'text', nullable: true })
  agreementMethod!: AgreementMethod | null;

  /** The signed page (platform `stored_file`), for `signed_file`. */
  @Column({ type: 'uuid', nullable: true })
  agreementFileId!: string | null;

  @ManyToOne(() => StoredFileEntity)
  @JoinColumn({
    name: 'agreement_file_id',
    foreignKeyConstraintName: 'fk_case_plan_agreement_file',
  })
  agreementFile?: StoredFileEntity;

  /** The adviser who attested the family's agreement, for `attestation`. */
  @Column({ type: 'uuid', nullable: true })
  attestedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'attested_by', foreignKeyConstraintName: 'fk_case_plan_attested_by' })
  attester?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_case_plan_created_by' })
  creator?: UserEntity;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', default: 1 })
  revision!: number;
}

@Entity({ name: 'case_plan_goal' })
@Index('ix_case_plan_goal_plan', ['planId', 'sort'])
@Check('ck_case_plan_goal_status', `"status" IN (${sqlList(GOAL_STATUSES)})`)
@Check(
  'ck_case_plan_goal_flag_reason',
  `"flag_reason" IS NULL OR "flag_reason" IN (${sqlList(GOAL_FLAG_REASONS)})`,
)
export class CasePlanGoalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_plan_goal' })
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CasePlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_case_plan_goal_plan' })
  plan?: CasePlanEntity;

  /** The assessment's need it answers; null for a goal the adviser added by hand. */
  @Index('ix_case_plan_goal_need')
  @Column({ type: 'uuid', nullable: true })
  needId!: string | null;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_case_plan_goal_need' })
  need?: NeedEntity;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date', nullable: true })
  targetDate!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: GoalStatus;

  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @Column({ type: 'text', nullable: true })
  flagReason!: GoalFlagReason | null;

  @Column({ type: 'integer', default: 0 })
  sort!: number;
}

@Entity({ name: 'case_plan_action' })
@Index('ix_case_plan_action_goal', ['goalId'])
@Check('ck_case_plan_action_kind', `"kind" IN (${sqlList(ACTION_KINDS)})`)
@Check('ck_case_plan_action_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
export class CasePlanActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_plan_action' })
  id!: string;

  @Column({ type: 'uuid' })
  goalId!: string;

  @ManyToOne(() => CasePlanGoalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_case_plan_action_goal' })
  goal?: CasePlanGoalEntity;

  @Column({ type: 'text' })
  kind!: ActionKind;

  @Index('ix_case_plan_action_referral')
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @ManyToOne(() => ReferralEntity)
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_case_plan_action_referral' })
  referral?: ReferralEntity;

  @Index('ix_case_plan_action_proposal')
  @Column({ type: 'uuid', nullable: true })
  proposalId!: string | null;

  @ManyToOne(() => MatchProposalEntity)
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_case_plan_action_proposal' })
  proposal?: MatchProposalEntity;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text', default: 'todo' })
  status!: ActionStatus;

  @Column({ type: 'integer', default: 0 })
  sort!: number;
}
