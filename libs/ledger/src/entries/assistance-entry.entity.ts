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
import { HouseholdEntity, MemberEntity, NeedEntity } from '@onedoor/households';
import { UserEntity } from '@onedoor/platform';
import {
  CategoryEntity,
  ProviderEntity,
  ResourceEntity,
  RESIDENCIES,
  RESOURCE_FORMS,
  type Residency,
  type ResourceForm,
  TIERS,
  type Tier,
} from '@onedoor/resources';
import {
  ASSISTANCE_ENTRY_STATUSES,
  ASSISTANCE_FREQUENCIES,
  ASSISTANCE_SOURCES,
  type AssistanceEntryStatus,
  type AssistanceFrequency,
  type AssistanceSource,
} from '../ledger.types';

/**
 * One benefit a household (or one of its members) received, from any source: a OneDoor
 * referral's delivery (written in the delivery's transaction), an entry by a department or
 * provider for help given outside OneDoor, or a row of an imported roll. Amounts in fen (a
 * monthly benefit's amount is per month). The household's area, tier and residency are copied
 * when recorded, so reports count it as it was. Foreign keys are the migration's (referral and
 * import rows belong to libs above or beside this one).
 */
@Entity({ name: 'assistance_entry' })
@Check('ck_assistance_entry_amount', `"amount_fen" IS NULL OR "amount_fen" >= 0`)
@Check('ck_assistance_entry_units', `"units" IS NULL OR "units" > 0`)
@Check('ck_assistance_entry_period', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check('ck_assistance_entry_one_off', `"frequency" <> 'one_off' OR "ends_on" = "starts_on"`)
@Check(
  'ck_assistance_entry_source',
  `("source" = 'referral') = ("referral_id" IS NOT NULL) AND ("source" = 'import') = ("import_id" IS NOT NULL)`,
)
@Index('ix_assistance_entry_household', ['householdId', 'categoryCode'])
@Index('ix_assistance_entry_category_start', ['categoryCode', 'startsOn'])
// A roll batch's duplicate check: the imported entries of its members.
@Index('ix_assistance_entry_imported_member', ['memberId'], { where: `"source" = 'import'` })
// A provider's lists: its organization's entries by start date.
@Index('ix_assistance_entry_provider_start', ['providerId', 'startsOn'])
export class AssistanceEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_assistance_entry_household' })
  household?: unknown;

  /** The member it was granted to, when the roll names a person rather than the household. */
  @Column({ type: 'uuid', nullable: true })
  memberId!: string | null;

  @ManyToOne(() => MemberEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_assistance_entry_member' })
  member?: unknown;

  /** The need it served, when known (always for a referral's delivery). */
  @Column({ type: 'uuid', nullable: true })
  needId!: string | null;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_assistance_entry_need' })
  need?: unknown;

  @Column({ type: 'enum', enum: ASSISTANCE_SOURCES, enumName: 'assistance_source' })
  source!: AssistanceSource;

  @Index('ux_assistance_entry_referral', { unique: true, where: `"referral_id" IS NOT NULL` })
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  // The referral is matching's (a lib above this one): named, not imported.
  @ManyToOne('ReferralEntity')
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_assistance_entry_referral' })
  referral?: unknown;

  @Index('ix_assistance_entry_import')
  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  // imports: the roll the row came from.
  @ManyToOne('AssistanceImportEntity')
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_assistance_entry_import' })
  import?: unknown;

  /** The granting organization when it is a OneDoor provider (departments are providers). */
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_assistance_entry_provider' })
  provider?: unknown;

  /** The granting organization's name as shown ("和平区民政局"), also for organizations outside OneDoor. */
  @Column({ type: 'text' })
  grantedBy!: string;

  /** The OneDoor resource (policy or programme) it was granted under, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  resourceId!: string | null;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_id', foreignKeyConstraintName: 'fk_assistance_entry_resource' })
  resource?: unknown;

  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_assistance_entry_category' })
  category?: unknown;

  /** What the benefit is called on the roll or by the department ("临时救助"). */
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'enum', enum: RESOURCE_FORMS, enumName: 'resource_form' })
  form!: ResourceForm;

  @Column({ type: 'enum', enum: ASSISTANCE_FREQUENCIES, enumName: 'assistance_frequency' })
  frequency!: AssistanceFrequency;

  /** Fen; per month for a monthly benefit; null for a service without a money value. */
  @Column({ type: 'bigint', nullable: true })
  amountFen!: string | null;

  @Column({ type: 'int', nullable: true })
  units!: number | null;

  /** Beijing calendar dates. */
  @Column({ type: 'date' })
  startsOn!: string;

  /** Null: a monthly benefit still running. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Index('ix_assistance_entry_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({ type: 'enum', enum: TIERS, enumName: 'household_tier', nullable: true })
  tier!: Tier | null;

  @Column({ type: 'enum', enum: RESIDENCIES, enumName: 'residency' })
  residency!: Residency;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({
    type: 'enum',
    enum: ASSISTANCE_ENTRY_STATUSES,
    enumName: 'assistance_entry_status',
    default: 'active',
  })
  status!: AssistanceEntryStatus;

  @Column({ type: 'text', nullable: true })
  voidReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  voidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'voided_by_id', foreignKeyConstraintName: 'fk_assistance_entry_voided_by' })
  voidedBy?: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  /** Null for entries the system wrote (a referral's delivery). */
  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'recorded_by_id',
    foreignKeyConstraintName: 'fk_assistance_entry_recorded_by',
  })
  recordedBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
