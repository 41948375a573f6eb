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
import { FUND_KINDS, FUND_STATUSES, type FundKind, type FundStatus } from '../relief.types';

/**
 * A reserve fund (备用金) or a donation fund of an area, managed by its civil-affairs office.
 * The balance is in fen and never below zero: the CHECK below plus the one conditional debit
 * (`UPDATE … SET balance_fen = balance_fen - $n WHERE balance_fen >= $n`) give the same
 * guarantee as a resource's capacity, under any concurrency.
 */
@Entity({ name: 'relief_fund' })
@Check('ck_relief_fund_balance', `"balance_fen" >= 0`)
@Check('ck_relief_fund_budget', `"budget_fen" >= 0`)
@Check('ck_relief_fund_threshold', `"threshold_fen" >= 0`)
@Check('ck_relief_fund_period', `"period_end" >= "period_start"`)
@Index('ix_relief_fund_area', ['areaId'])
export class ReliefFundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: FUND_KINDS, enumName: 'relief_fund_kind' })
  kind!: FundKind;

  /** "和平区临时救助备用金（2026年）". */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  areaId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_relief_fund_area' })
  area?: unknown;

  /** The area's path, copied: scope is a prefix test. */
  @Index('ix_relief_fund_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  /** The office that manages it ("和平区民政局社会救助科"); its area's staff get its notices. */
  @Column({ type: 'text' })
  managingOffice!: string;

  /** The period's budget (a reserve fund) or the opening balance (a donation fund), in fen. */
  @Column({ type: 'bigint' })
  budgetFen!: string;

  /** What it can still pay, in fen. */
  @Column({ type: 'bigint' })
  balanceFen!: string;

  /** Below this balance its managing office is notified (once per crossing). */
  @Column({ type: 'bigint', default: 0 })
  thresholdFen!: string;

  /** Beijing calendar dates of the budget period (e.g. a year). */
  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  /** A category the fund may pay for only (a restricted donation fund), or null for any. */
  @Column({ type: 'text', nullable: true })
  restrictedCategoryCode!: string | null;

  @Column({ type: 'enum', enum: FUND_STATUSES, enumName: 'relief_fund_status', default: 'active' })
  status!: FundStatus;

  /** When the balance last fell below the threshold (null while above): one notice per crossing. */
  @Column({ type: 'timestamptz', nullable: true })
  lowSince!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_relief_fund_created_by' })
  createdBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
