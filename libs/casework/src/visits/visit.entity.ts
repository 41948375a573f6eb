import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from '@onedoor/platform';
import { HouseholdCaseEntity } from '@onedoor/households';
import {
  NOTE_READ_PURPOSES,
  VISIT_KINDS,
  VISIT_STATUSES,
  type NoteReadPurpose,
  type VisitKind,
  type VisitStatus,
} from './visit.types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A visit to a household (or a call, a meeting) on its case: made and recorded (`done`), or
 * scheduled from the revisit date (`due`). The note is personal data: only its AES-256-GCM
 * ciphertext is stored (PiiCipher), never a summary in clear. A due visit names no adviser: it
 * follows the case's, so a hand-over moves it. One visit per case and due date, whatever
 * became of it, so the sweep's reruns create none.
 */
@Entity({ name: 'case_visit' })
@Index('ux_case_visit_case_due_at', ['caseId', 'dueAt'], {
  unique: true,
  where: '"due_at" IS NOT NULL',
})
@Index('ix_case_visit_case_id', ['caseId'])
@Index('ix_case_visit_status_due_at', ['status', 'dueAt'])
@Check('ck_case_visit_kind', `"kind" IN (${list(VISIT_KINDS)})`)
@Check('ck_case_visit_status', `"status" IN (${list(VISIT_STATUSES)})`)
export class CaseVisitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_visit' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => HouseholdCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_visit_case' })
  case?: HouseholdCaseEntity;

  @Column({ type: 'text' })
  kind!: VisitKind;

  @Column({ type: 'text' })
  status!: VisitStatus;

  /** The revisit date it was scheduled for; null for a visit recorded unscheduled. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_case_visit_recorded_by' })
  recorder?: UserEntity;

  /** When it was recorded (the note's correction window starts here); null while due. */
  @Column({ type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  /** `1 | iv | tag | data` (PiiCipher.encryptBytes); null until a note is written. */
  @Column({ type: 'bytea', nullable: true })
  noteEnc!: Buffer | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One decryption of one note for one reader: who read which note, when, and where (the
 * supervisors' `note-reads` list). A table, not the audit log: reads are many, and the case
 * timeline lists changes, not readings.
 */
@Entity({ name: 'case_note_read' })
@Index('ix_case_note_read_case_at', ['caseId', 'readAt'])
@Check('ck_case_note_read_purpose', `"purpose" IN (${list(NOTE_READ_PURPOSES)})`)
export class CaseNoteReadEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_note_read' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  visitId!: string;

  @ManyToOne(() => CaseVisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_case_note_read_visit' })
  visit?: CaseVisitEntity;

  @Column({ type: 'uuid' })
  readerId!: string;

  @Column({ type: 'text' })
  purpose!: NoteReadPurpose;

  @Column({ type: 'timestamptz' })
  readAt!: Date;
}

export const CASE_VISITS_ENTITIES = [CaseVisitEntity, CaseNoteReadEntity];
