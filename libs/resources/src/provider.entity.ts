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
  VersionColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import {
  PROVIDER_KINDS,
  type ProviderKind,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from './resource.types';

@Entity({ name: 'provider' })
@Check('ck_provider_rating', `"rating" BETWEEN 0 AND 100`)
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: PROVIDER_KINDS, enumName: 'provider_kind' })
  kind!: ProviderKind;

  @Column({ type: 'text' })
  name!: string;

  /** 统一社会信用代码, validated with its check character. */
  @Index('uq_provider_uscc', { unique: true })
  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Index('ix_provider_home_area_id')
  @Column({ type: 'uuid' })
  homeAreaId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'home_area_id', foreignKeyConstraintName: 'fk_provider_home_area' })
  homeArea?: AreaEntity;

  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({
    type: 'enum',
    enum: VERIFICATION_STATUSES,
    enumName: 'verification_status',
    default: 'pending',
  })
  verification!: VerificationStatus;

  /** 0–100, fed by contract evaluations; empty until the first one. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  rating!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
