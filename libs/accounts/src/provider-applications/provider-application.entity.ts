import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { PROVIDER_KINDS, type ProviderKind } from '@onedoor/resources';

export const PROVIDER_APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ProviderApplicationStatus = (typeof PROVIDER_APPLICATION_STATUSES)[number];

/**
 * An organization's application to join: pending until civil-affairs staff of its home area
 * approve it (which creates the provider and its first, organization-admin user) or reject it.
 * The contact person's name, phone and e-mail are personal data: stored as PiiCipher
 * ciphertext. At most one pending application per USCC (the partial unique index), so two
 * applications sent at once cannot both wait.
 */
@Entity({ name: 'provider_application' })
@Index('uq_provider_application_pending_uscc', ['uscc'], {
  unique: true,
  where: `"status" = 'pending'`,
})
export class ProviderApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_provider_application' })
  id!: string;

  @Index('ix_provider_application_uscc')
  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: PROVIDER_KINDS, enumName: 'provider_kind' })
  kind!: ProviderKind;

  @Index('ix_provider_application_home_area_id')
  @Column({ type: 'uuid' })
  homeAreaId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({
    name: 'home_area_id',
    foreignKeyConstraintName: 'fk_provider_application_home_area',
  })
  homeArea?: AreaEntity;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  contactNameEnc!: string;

  @Column({ type: 'text' })
  contactPhoneEnc!: string;

  @Column({ type: 'text' })
  contactEmailEnc!: string;

  /** The login name the organization asks for its first admin (staff may change it). */
  @Column({ type: 'text' })
  username!: string;

  @Index('ix_provider_application_status')
  @Column({
    type: 'enum',
    enum: PROVIDER_APPLICATION_STATUSES,
    enumName: 'provider_application_status',
    default: 'pending',
  })
  status!: ProviderApplicationStatus;

  /** The reviewer's reason (required on reject, optional on approve). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Approved: the provider created. */
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  /** Approved: its first user, organization admin. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** When a pending application's review is overdue (SLA_APPLICATION_HOURS from receipt). */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** Set by the sweep when the deadline passed (it notifies once). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /** The area above the home area whose staff the overdue application went to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
