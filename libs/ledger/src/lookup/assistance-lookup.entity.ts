import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HouseholdEntity } from '@onedoor/households';
import { ROLES, type Role, UserEntity } from '@onedoor/platform';
import { CategoryEntity, ProviderEntity, TIERS, type Tier } from '@onedoor/resources';
import {
  LOOKUP_PURPOSES,
  LOOKUP_QUESTIONS,
  type LookupPurpose,
  type LookupQuestion,
} from './lookup.types';

/**
 * One lookup asked (whether an identity number receives a category, or holds a tier) and its
 * answer: who asked, for which organization, with which declared purpose. The identity number
 * is kept only as its keyed digest. The matched household (and its area path, copied so that
 * its area's staff find the row) is never shown to the asker. Rows are only ever inserted.
 */
@Entity({ name: 'assistance_lookup' })
@Check(
  'ck_assistance_lookup_subject',
  `("question" = 'receives') = ("category_code" IS NOT NULL) AND ("question" = 'tier') = ("tier" IS NOT NULL)`,
)
@Check('ck_assistance_lookup_note', `"purpose" <> 'other' OR "purpose_note" IS NOT NULL`)
@Index('ix_assistance_lookup_household_at', ['householdId', 'at'])
@Index('ix_assistance_lookup_user_at', ['userId', 'at'])
@Index('ix_assistance_lookup_provider_at', ['providerId', 'at'])
export class AssistanceLookupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_assistance_lookup_at')
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_assistance_lookup_user' })
  user?: unknown;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  /** The organization a provider user asked for. */
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_assistance_lookup_provider' })
  provider?: unknown;

  /** The asker's area path at the time: staff see the queries asked from their area. */
  @Index('ix_assistance_lookup_user_area', { synchronize: false })
  @Column({ type: 'text', nullable: true })
  userAreaPath!: string | null;

  @Column({ type: 'enum', enum: LOOKUP_PURPOSES, enumName: 'lookup_purpose' })
  purpose!: LookupPurpose;

  @Column({ type: 'text', nullable: true })
  purposeNote!: string | null;

  @Column({ type: 'enum', enum: LOOKUP_QUESTIONS, enumName: 'lookup_question' })
  question!: LookupQuestion;

  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_assistance_lookup_category' })
  category?: unknown;

  @Column({ type: 'enum', enum: TIERS, enumName: 'household_tier', nullable: true })
  tier!: Tier | null;

  /** The keyed digest of the identity number asked about; never the number. */
  @Column({ type: 'char', length: 64 })
  idHmac!: string;

  /** The household listing that person, if any. */
  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({
    name: 'household_id',
    foreignKeyConstraintName: 'fk_assistance_lookup_household',
  })
  household?: unknown;

  /** The matched household's community path at the time, for its area staff's scope. */
  @Index('ix_assistance_lookup_household_area', { synchronize: false })
  @Column({ type: 'text', nullable: true })
  householdAreaPath!: string | null;

  @Column({ type: 'boolean' })
  answer!: boolean;

  /** Beijing dates of the answer's period (null: not known, or still running). */
  @Column({ type: 'date', nullable: true })
  since!: string | null;

  @Column({ type: 'date', nullable: true })
  until!: string | null;
}
