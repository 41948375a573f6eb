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
import type { ImportFormat, ImportStatus, RefusedRowSample } from '@onedoor/households';
import { type Principal, UserEntity } from '@onedoor/platform';
import { ProviderEntity, type ResourceForm } from '@onedoor/resources';
import type { AssistanceFrequency } from '../ledger.types';

/** What the roll's rows take when they do not say it themselves (the upload's fields). */
export interface RollDefaults {
  categoryCode: string | null;
  title: string | null;
  form: ResourceForm | null;
  frequency: AssistanceFrequency | null;
}

/**
 * One roll imported into the assistance ledger as a background job (as household_import is):
 * the file (encrypted, dropped once run), who sent it and for which granting organization,
 * the scope its rows are matched within (as it was when sent), the counters and the error sheet.
 */
@Entity({ name: 'assistance_import' })
@Index('ix_assistance_import_user_created', ['userId', 'createdAt'])
@Index('ix_assistance_import_status_created', ['status', 'createdAt'])
@Check('ck_assistance_import_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('ck_assistance_import_format', `"format" IN ('xlsx', 'csv')`)
export class AssistanceImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_assistance_import_user' })
  user?: unknown;

  /** The starter as authenticated when sending the file (no session id); the worker acts as them. */
  @Column({ type: 'jsonb' })
  actor!: Omit<Principal, 'sessionId'>;

  /** The granting organization when it is a OneDoor provider (always, for a provider's own roll). */
  @Index('ix_assistance_import_provider')
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_assistance_import_provider' })
  provider?: unknown;

  /** The granting organization's name, for rows without their own 发放机构. */
  @Column({ type: 'text' })
  grantedBy!: string;

  @Column({ type: 'jsonb' })
  defaults!: RollDefaults;

  /**
   * The area subtree whose households the rows may match: the civil-affairs starter's scope, a
   * provider's home area (its reach); null for an admin. Staff whose scope holds it may follow.
   */
  @Column({ type: 'text', nullable: true })
  scopePath!: string | null;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  @Column({ type: 'text' })
  format!: ImportFormat;

  /** What a CSV was decoded as (utf-8, gb18030); null for xlsx. */
  @Column({ type: 'text', nullable: true })
  encoding!: string | null;

  /** The file as sent, encrypted (PiiCipher.encryptBytes); cleared once the import ends. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content!: Buffer | null;

  @Column({ type: 'text', default: 'queued' })
  status!: ImportStatus;

  @Column({ type: 'integer', default: 0 })
  totalRows!: number;

  @Column({ type: 'integer', default: 0 })
  processedRows!: number;

  /** Rows written to the ledger. */
  @Column({ type: 'integer', default: 0 })
  importedRows!: number;

  /** Rows whose identity number matches no registered person within the scope. */
  @Column({ type: 'integer', default: 0 })
  unmatchedRows!: number;

  /** Rows refused for their content (identity number, date, amount, category…). */
  @Column({ type: 'integer', default: 0 })
  refusedRows!: number;

  /** Rows already in the ledger from an earlier import (or twice in this file): skipped. */
  @Column({ type: 'integer', default: 0 })
  duplicateRows!: number;

  /** The first unmatched and refused rows with their reasons, for the status answer. */
  @Column({ type: 'jsonb', nullable: true })
  refusedSample!: RefusedRowSample[] | null;

  /** The unmatched and refused rows as xlsx, encrypted like the content. */
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
