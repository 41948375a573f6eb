import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { TIERS, type Tier } from '@onedoor/resources';
import {
  HOUSEHOLD_STATUSES,
  HOUSING_KINDS,
  type HouseholdStatus,
  type HousingKind,
  RESIDENCY,
} from './household.types';
import { MemberEntity } from './member.entity';

@Entity({ name: 'household' })
@Check(
  'ck_household_amounts',
  `"savings_fen" >= 0 AND "vehicles" >= 0 AND "medical_expense_fen" >= 0 AND "education_expense_fen" >= 0`,
)
@Index('ix_household_status_revisit', ['status', 'nextRevisitAt'])
@Index('ix_household_created_at_id', ['createdAt', 'id'])
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_household_community_id')
  @Column({ type: 'uuid' })
  communityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_household_community' })
  community?: AreaEntity;

  @OneToMany(() => MemberEntity, (m) => m.household)
  members?: MemberEntity[];

  @Column({ type: 'enum', enum: RESIDENCY, enumName: 'residency' })
  residency!: (typeof RESIDENCY)[number];

  /** AES-256-GCM ciphertext of the phone number (PiiCipher). */
  @Column({ type: 'text', nullable: true })
  phoneEnc!: string | null;

  /** Keyed digest of the phone's digits (PiiCipher.digest), for search by phone. */
  @Index('ix_household_phone_hmac')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneHmac!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  savingsFen!: number;

  @Column({ type: 'integer', default: 0 })
  vehicles!: number;

  @Column({ type: 'enum', enum: HOUSING_KINDS, enumName: 'housing_kind', default: 'owned' })
  housing!: HousingKind;

  /** Monthly rigid expenditure, fen. */
  @Column({ type: 'integer', default: 0 })
  medicalExpenseFen!: number;

  @Column({ type: 'integer', default: 0 })
  educationExpenseFen!: number;

  @Column({
    type: 'enum',
    enum: HOUSEHOLD_STATUSES,
    enumName: 'household_status',
    default: 'active',
  })
  status!: HouseholdStatus;

  /** Latest completed assessment's tier and circle (null before, or above every threshold). */
  @Column({ type: 'enum', enum: TIERS, enumName: 'household_tier', nullable: true })
  tier!: Tier | null;

  @Column({ type: 'smallint', nullable: true })
  circle!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  graceEndsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAssessedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextRevisitAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
