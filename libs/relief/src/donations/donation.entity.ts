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
import { UserEntity } from '@onedoor/platform';
import {
  DONATION_STATUSES,
  DONOR_KINDS,
  type DonationStatus,
  type DonorKind,
} from '../relief.types';
import { ReliefFundEntity } from '../funds/relief-fund.entity';

/**
 * A donation into a relief fund, from pledge (认捐) to receipt (到账). Receiving credits the
 * fund and writes its 'donation' movement in the same transaction. The donor's phone is
 * personal data: a keyed digest (lookup), a ciphertext and a mask, never in clear.
 */
@Entity({ name: 'donation' })
@Check('ck_donation_amount', `"amount_fen" > 0`)
@Index('ix_donation_fund', ['fundId', 'pledgedAt'])
export class DonationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_donation' })
  id!: string;

  @Column({ type: 'uuid' })
  fundId!: string;

  @ManyToOne(() => ReliefFundEntity)
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'fk_donation_fund' })
  fund?: unknown;

  /** The fund's area path, copied: scope is a prefix test in the donation's own query. */
  @Index('ix_donation_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({ type: 'enum', enum: DONOR_KINDS, enumName: 'donor_kind' })
  donorKind!: DonorKind;

  @Column({ type: 'text' })
  donorName!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  donorPhoneHmac!: string | null;

  @Column({ type: 'text', nullable: true })
  donorPhoneEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  donorPhoneMasked!: string | null;

  @Column({ type: 'bigint' })
  amountFen!: string;

  /** The donor's restriction to one category (e.g. medical), or null. */
  @Column({ type: 'text', nullable: true })
  restrictedCategoryCode!: string | null;

  /** The donor's restriction to an area (its subtree), or null. */
  @Column({ type: 'uuid', nullable: true })
  restrictedAreaId!: string | null;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({
    name: 'restricted_area_id',
    foreignKeyConstraintName: 'fk_donation_restricted_area',
  })
  restrictedArea?: unknown;

  @Column({
    type: 'enum',
    enum: DONATION_STATUSES,
    enumName: 'donation_status',
    default: 'pledged',
  })
  status!: DonationStatus;

  @Column({ type: 'timestamptz' })
  pledgedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  /** The donation receipt's number (捐赠票据号), given when the money arrives. */
  @Column({ type: 'text', nullable: true })
  receiptNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'fk_donation_recorded_by' })
  recordedBy?: unknown;

  @Column({ type: 'uuid', nullable: true })
  receivedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'received_by_id', foreignKeyConstraintName: 'fk_donation_received_by' })
  receivedBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
