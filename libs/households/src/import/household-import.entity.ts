import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { type Principal, UserEntity } from '@onedoor/platform';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A refused row as the job's status shows it: its line and its reasons in both languages. */
export interface RefusedRowSample {
  row: number;
  reasons: string[];
  reasonsEn: string[];
}

/**
 * One background household import: the uploaded file, who sent it (with their scope as it was
 * then, which the worker imports under), progress counters and, once done, the error sheet.
 */
@Entity({ name: 'household_import' })
@Index('ix_household_import_user_created', ['userId', 'createdAt'])
@Index('ix_household_import_status_created', ['status', 'createdAt'])
@Check('ck_household_import_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('ck_household_import_format', `"format" IN ('xlsx', 'csv')`)
export class HouseholdImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_household_import_user' })
  user?: UserEntity;

  /** The starter's area (null for an admin): staff whose scope holds it may follow the import. */
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_household_import_area' })
  area?: AreaEntity;

  /** The starter as authenticated when sending the file (no session id). */
  @Column({ type: 'jsonb' })
  actor!: Omit<Principal, 'sessionId'>;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  @Column({ type: 'text' })
  format!: ImportFormat;

  /** What the CSV was decoded as (utf-8, gb18030); null for xlsx. */
  @Column({ type: 'text', nullable: true })
  encoding!: string | null;

  /**
   * The file as sent, encrypted (PiiCipher.encryptBytes); cleared once the import ends (the error
   * sheet keeps the refused rows).
   */
  @Column({ type: 'bytea', nullable: true, select: false })
  content!: Buffer | null;

  @Column({ type: 'text', default: 'queued' })
  status!: ImportStatus;

  @Column({ type: 'integer', default: 0 })
  totalRows!: number;

  @Column({ type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ type: 'integer', default: 0 })
  importedRows!: number;

  @Column({ type: 'integer', default: 0 })
  refusedRows!: number;

  @Column({ type: 'integer', default: 0 })
  importedHouseholds!: number;

  @Column({ type: 'integer', default: 0 })
  refusedHouseholds!: number;

  /** The first refused rows with their reasons, for the status answer. */
  @Column({ type: 'jsonb', nullable: true })
  refusedSample!: RefusedRowSample[] | null;

  /** The refused rows as xlsx, encrypted like the content. */
  @Column({ type: 'bytea', nullable: true, select: false })
  errorSheet!: Buffer | null;

  /** Why a failed import stopped (a file that could not be read, an interrupted run). */
  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
