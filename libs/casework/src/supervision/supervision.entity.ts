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
import { HouseholdCaseEntity, HouseholdEntity } from '@onedoor/households';
import type { SupervisionKind, SupervisionStatus } from './supervision.types';

/**
 * A supervisor's comment or required action on a case, and the adviser's answer. Both texts
 * are personal data (what the family lives through): encrypted with PiiCipher, never audited.
 */
@Entity({ name: 'case_supervision' })
@Index('ix_case_supervision_case_created', ['caseId', 'createdAt'])
@Check('ck_case_supervision_kind', `"kind" IN ('comment', 'required_action')`)
@Check('ck_case_supervision_status', `"status" IN ('open', 'answered', 'resolved')`)
@Check('ck_case_supervision_due', `"due_date" IS NULL OR "kind" = 'required_action'`)
export class CaseSupervisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_supervision' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => HouseholdCaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_supervision_case' })
  case?: HouseholdCaseEntity;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_case_supervision_household' })
  household?: HouseholdEntity;

  @Column({ type: 'text' })
  kind!: SupervisionKind;

  @Column({ type: 'text' })
  textEnc!: string;

  /** Required actions only: by when the adviser should have done it. */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Index('ix_case_supervision_status')
  @Column({ type: 'text', default: 'open' })
  status!: SupervisionStatus;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_case_supervision_author' })
  author?: UserEntity;

  @Column({ type: 'text', nullable: true })
  answerEnc!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
