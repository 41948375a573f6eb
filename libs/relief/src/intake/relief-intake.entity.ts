import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { AssessmentEntity, HouseholdEntity } from '@onedoor/households';
import { StoredFileEntity, UserEntity } from '@onedoor/platform';
import { EmergencyGrantEntity } from '../grants/emergency-grant.entity';
import { LeadEntity } from '../leads/lead.entity';

/** One immediate need as the intake recorded it (the need rows themselves are the households lib's). */
export interface IntakeNeedRecord {
  needId: string;
  categoryCode: string;
  severity: number;
  note: string | null;
}

/**
 * An emergency intake (急难登记): the household it registered or updated, what happened
 * (encrypted), the amount requested and the provisional assessment that carries its emergency
 * needs. Append-only: a second emergency is a second intake.
 */
@Entity({ name: 'relief_intake' })
@Check('ck_relief_intake_amount', `"amount_requested_fen" IS NULL OR "amount_requested_fen" >= 0`)
@Index('ix_relief_intake_registered_at', ['registeredAt', 'id'])
export class ReliefIntakeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_relief_intake' })
  id!: string;

  @Index('ix_relief_intake_household')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_relief_intake_household' })
  household?: HouseholdEntity;

  /** The household's community at intake: the record's scope. */
  @Column({ type: 'uuid' })
  communityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_relief_intake_community' })
  community?: AreaEntity;

  /** True when the intake registered the household, false when it updated an existing one. */
  @Column({ type: 'boolean' })
  registeredHousehold!: boolean;

  @Column({ type: 'uuid', nullable: true })
  leadId!: string | null;

  @ManyToOne(() => LeadEntity)
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'fk_relief_intake_lead' })
  lead?: unknown;

  /** What happened, AES-256-GCM ciphertext (PiiCipher): a family's situation is personal data. */
  @Column({ type: 'text' })
  situationEnc!: string;

  @Column({ type: 'bigint', nullable: true })
  amountRequestedFen!: string | null;

  /** The emergency grant the intake requested for that amount (decided by an officer). */
  @Column({ type: 'uuid', nullable: true })
  grantId!: string | null;

  @ManyToOne(() => EmergencyGrantEntity)
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'fk_relief_intake_grant' })
  grant?: unknown;

  /** The provisional completed assessment holding the needs (what the matcher reads). */
  @Index('ux_relief_intake_assessment', { unique: true })
  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity)
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_relief_intake_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'jsonb' })
  needs!: IntakeNeedRecord[];

  @Column({ type: 'uuid' })
  registeredById!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'registered_by_id', foreignKeyConstraintName: 'fk_relief_intake_user' })
  registeredBy?: UserEntity;

  /** The Clock's time of the intake (the follow-up counts from it). */
  @Column({ type: 'timestamptz' })
  registeredAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A supporting file of an intake (the bytes are the platform's `stored_file`). */
@Entity({ name: 'relief_intake_file' })
export class ReliefIntakeFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_relief_intake_file' })
  intakeId!: string;

  @ManyToOne(() => ReliefIntakeEntity)
  @JoinColumn({ name: 'intake_id', foreignKeyConstraintName: 'fk_relief_intake_file_intake' })
  intake?: ReliefIntakeEntity;

  @Index('ix_relief_intake_file_file')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_relief_intake_file' })
  fileId!: string;

  @ManyToOne(() => StoredFileEntity)
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_relief_intake_file_file' })
  file?: StoredFileEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
