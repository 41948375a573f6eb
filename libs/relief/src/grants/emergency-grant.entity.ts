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
import { HouseholdEntity, NeedEntity } from '@onedoor/households';
import { AssistanceEntryEntity } from '@onedoor/ledger';
import { UserEntity } from '@onedoor/platform';
import { CategoryEntity } from '@onedoor/resources';
import { GRANT_STATUSES, type GrantStatus } from '../relief.types';
import { ReliefFundEntity } from '../funds/relief-fund.entity';
import { LeadEntity } from '../leads/lead.entity';

/**
 * An emergency grant: a variable amount for one household, requested by staff or an assessor,
 * decided by an officer within their delegated limit and a deadline of hours, debited from a
 * fund in the approval's transaction, then paid (handed over) and entered in the assistance
 * ledger. The ledger entry is referenced from here (the ledger is below this lib).
 */
@Entity({ name: 'emergency_grant' })
@Check('ck_emergency_grant_amount', `"amount_fen" > 0`)
@Check('ck_emergency_grant_paid', `("status" = 'paid') = ("paid_at" IS NOT NULL)`)
@Index('ix_emergency_grant_household', ['householdId'])
@Index('ix_emergency_grant_fund', ['fundId', 'status'])
@Index('ix_emergency_grant_due', ['decisionDueAt'], { where: `"status" = 'requested'` })
export class EmergencyGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_emergency_grant_household' })
  household?: unknown;

  /** The household's area path, copied when requested: scope is a prefix test. */
  @Index('ix_emergency_grant_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  /** The fund it is (to be) paid from; the decision may change it while requested. */
  @Column({ type: 'uuid' })
  fundId!: string;

  @ManyToOne(() => ReliefFundEntity)
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'fk_emergency_grant_fund' })
  fund?: unknown;

  /** The lead it answers, when it came from one. */
  @Column({ type: 'uuid', nullable: true })
  leadId!: string | null;

  @ManyToOne(() => LeadEntity)
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'fk_emergency_grant_lead' })
  lead?: unknown;

  /** The need it serves, when recorded. */
  @Column({ type: 'uuid', nullable: true })
  needId!: string | null;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_emergency_grant_need' })
  need?: unknown;

  /** The ledger category it is counted under ('emergency' unless said otherwise). */
  @Column({ type: 'text', default: 'emergency' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_emergency_grant_category' })
  category?: unknown;

  @Column({ type: 'bigint' })
  amountFen!: string;

  /** What happened and why this amount: the family's situation, PiiCipher ciphertext. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({
    type: 'enum',
    enum: GRANT_STATUSES,
    enumName: 'emergency_grant_status',
    default: 'requested',
  })
  status!: GrantStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'requested_by_id',
    foreignKeyConstraintName: 'fk_emergency_grant_requested_by',
  })
  requestedBy?: unknown;

  /** Hours after the request (RELIEF_GRANT_DECISION_HOURS); missed → escalated a level up. */
  @Column({ type: 'timestamptz' })
  decisionDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** The area above the household's community whose staff the missed deadline went to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({
    name: 'escalated_to_area_id',
    foreignKeyConstraintName: 'fk_emergency_grant_escalated_to_area',
  })
  escalatedToArea?: unknown;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_emergency_grant_decided_by' })
  decidedBy?: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The approval's note or the rejection's reason. */
  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paidById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'paid_by_id', foreignKeyConstraintName: 'fk_emergency_grant_paid_by' })
  paidBy?: unknown;

  /** How it was handed over ("银行转账 尾号1234", "现金") when paid. */
  @Column({ type: 'text', nullable: true })
  paymentNote!: string | null;

  /** The ledger entry its payment wrote. */
  @Index('ux_emergency_grant_entry', { unique: true, where: `"entry_id" IS NOT NULL` })
  @Column({ type: 'uuid', nullable: true })
  entryId!: string | null;

  @ManyToOne(() => AssistanceEntryEntity)
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_emergency_grant_entry' })
  entry?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
