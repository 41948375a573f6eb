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
import { UserEntity } from '@onedoor/platform';
import { CategoryEntity, ResourceEntity } from '@onedoor/resources';
import { STACKING_KINDS, type StackingKind } from '../ledger.types';

/**
 * How benefits combine, per category (both benefits in it) or per pair of resources (policies
 * or programmes; the same resource twice is a pair too: "one temporary-assistance grant per 12
 * months"). A pair rule is stored with its ids in order (a ≤ b) so each pair has one row. The
 * most specific rule decides: pair before category.
 */
@Entity({ name: 'stacking_rule' })
@Check(
  'ck_stacking_rule_subject',
  `("category_code" IS NULL) = ("resource_a_id" IS NOT NULL) AND ("resource_a_id" IS NULL) = ("resource_b_id" IS NULL)`,
)
@Check(
  'ck_stacking_rule_pair_order',
  `"resource_a_id" IS NULL OR "resource_a_id" <= "resource_b_id"`,
)
@Check('ck_stacking_rule_period', `("kind" = 'once_per_period') = ("period_months" IS NOT NULL)`)
@Check(
  'ck_stacking_rule_period_range',
  `"period_months" IS NULL OR "period_months" BETWEEN 1 AND 120`,
)
@Index('ux_stacking_rule_category', ['categoryCode'], {
  unique: true,
  where: `"category_code" IS NOT NULL`,
})
@Index('ux_stacking_rule_pair', ['resourceAId', 'resourceBId'], {
  unique: true,
  where: `"resource_a_id" IS NOT NULL`,
})
export class StackingRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: STACKING_KINDS, enumName: 'stacking_kind' })
  kind!: StackingKind;

  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_stacking_rule_category' })
  category?: unknown;

  @Column({ type: 'uuid', nullable: true })
  resourceAId!: string | null;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_a_id', foreignKeyConstraintName: 'fk_stacking_rule_resource_a' })
  resourceA?: unknown;

  @Column({ type: 'uuid', nullable: true })
  resourceBId!: string | null;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_b_id', foreignKeyConstraintName: 'fk_stacking_rule_resource_b' })
  resourceB?: unknown;

  @Column({ type: 'smallint', nullable: true })
  periodMonths!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_stacking_rule_created_by' })
  createdBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
