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
import { CategoryEntity } from './category.entity';
import type { EligibilityRules } from './eligibility/eligibility.types';
import { ProviderEntity } from './provider.entity';
import {
  RESOURCE_FORMS,
  RESOURCE_STATUSES,
  type ResourceForm,
  type ResourceStatus,
  SERVICE_LEVELS,
  type ServiceLevel,
} from './resource.types';

/**
 * What a provider offers. `reserved + delivered <= capacity` is a CHECK in the database;
 * only the matching lib moves reserved/delivered (issue: approval and referrals).
 */
@Entity({ name: 'resource' })
// Capacity is never over-committed, whatever runs concurrently.
@Check(
  'ck_resource_units',
  `"capacity" >= 0 AND "reserved" >= 0 AND "delivered" >= 0 AND "reserved" + "delivered" <= "capacity"`,
)
@Check('ck_resource_validity', `"valid_until" IS NULL OR "valid_until" >= "valid_from"`)
@Check('ck_resource_value', `"value_per_unit_fen" IS NULL OR "value_per_unit_fen" >= 0`)
@Index('ix_resource_status_category', ['status', 'categoryCode'])
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_resource_provider_id')
  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_resource_provider' })
  provider?: ProviderEntity;

  // Trigram indexes on title and description are in the migration (gin_trgm_ops).
  @Index('ix_resource_title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title!: string;

  @Index('ix_resource_description_trgm', { synchronize: false })
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_resource_category' })
  category?: CategoryEntity;

  @Column({ type: 'enum', enum: RESOURCE_FORMS, enumName: 'resource_form' })
  form!: ResourceForm;

  @Column({ type: 'enum', enum: SERVICE_LEVELS, enumName: 'service_level' })
  serviceLevel!: ServiceLevel;

  /** The resource covers this area's subtree. */
  @Index('ix_resource_coverage_area_id')
  @Column({ type: 'uuid' })
  coverageAreaId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'coverage_area_id', foreignKeyConstraintName: 'fk_resource_coverage_area' })
  coverageArea?: AreaEntity;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'integer', default: 0 })
  reserved!: number;

  @Column({ type: 'integer', default: 0 })
  delivered!: number;

  /** Fen per unit for cash and in-kind resources. */
  @Column({ type: 'integer', nullable: true })
  valuePerUnitFen!: number | null;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'text', nullable: true })
  contactNotes!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  eligibility!: EligibilityRules | null;

  @Column({ type: 'enum', enum: RESOURCE_STATUSES, enumName: 'resource_status', default: 'draft' })
  status!: ResourceStatus;

  /** Why it is in its state (rejection or closing reason; `expired`). */
  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Paused by reviewing staff (e.g. over a complaint): only staff may resume it. */
  @Column({ type: 'boolean', default: false })
  pausedByReviewer!: boolean;

  /** While pending_review: when the review is overdue (SLA_REVIEW_HOURS from submission). */
  @Column({ type: 'timestamptz', nullable: true })
  reviewDueAt!: Date | null;

  /** Set by the sweep when the review deadline passed (it notifies once per submission). */
  @Column({ type: 'timestamptz', nullable: true })
  reviewOverdueAt!: Date | null;

  /** The area above the coverage area whose staff the overdue review went to. */
  @Column({ type: 'uuid', nullable: true })
  reviewEscalatedToAreaId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
