import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@onedoor/platform';
import { FUND_MOVEMENT_KINDS, type FundMovementKind } from '../relief.types';
import { ReliefFundEntity } from './relief-fund.entity';

/**
 * One change of a fund's balance, written in the same transaction as the change itself: the
 * fund's statement for a period is the sum of its movements (opening balance = movements
 * before the period, closing = opening + the period's movements). Append-only.
 */
@Entity({ name: 'relief_fund_movement' })
@Index('ix_relief_fund_movement_fund_at', ['fundId', 'occurredAt'])
// One donation credits its fund once, whatever the application does (migration 1766010000000).
@Index('ux_relief_fund_movement_donation', ['donationId'], {
  unique: true,
  where: 'donation_id IS NOT NULL',
})
// One grant debits its fund once, whatever the application does (migration 1766000000000).
@Index('ux_relief_fund_movement_grant', ['grantId'], {
  unique: true,
  where: `kind = 'grant'`,
})
export class FundMovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  fundId!: string;

  @ManyToOne(() => ReliefFundEntity)
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'fk_relief_fund_movement_fund' })
  fund?: unknown;

  @Column({ type: 'enum', enum: FUND_MOVEMENT_KINDS, enumName: 'relief_fund_movement_kind' })
  kind!: FundMovementKind;

  /** Signed fen: a grant's debit is negative. */
  @Column({ type: 'bigint' })
  amountFen!: string;

  /** The grant or donation it came from (ids of rows in this lib; null for opening/allocation). */
  @Column({ type: 'uuid', nullable: true })
  grantId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  donationId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'recorded_by_id',
    foreignKeyConstraintName: 'fk_relief_fund_movement_recorded_by',
  })
  recordedBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
