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
  type Criterion,
  type DimensionWeights,
  type MilestonePlanItem,
  PROJECT_STATUSES,
  type ProjectStatus,
  type QualificationRequirements,
} from '../procurement.types';

/** A service project (tender): what the bureau buys, for whom, and how bids are judged. */
@Entity({ name: 'service_project' })
@Index('ix_service_project_status_closes_at', ['status', 'closesAt'])
@Check('ck_service_project_budget', `"budget_fen" > 0`)
@Check('ck_service_project_period', `"service_end" >= "service_start"`)
export class ServiceProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_service_project' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  categoryCode!: string;

  @Column({ type: 'uuid' })
  areaId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_service_project_area' })
  area?: AreaEntity;

  /** The project area's path: scope for staff. */
  @Index('ix_service_project_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({ type: 'bigint' })
  budgetFen!: string;

  @Column({ type: 'integer' })
  targetHouseholds!: number;

  @Column({ type: 'date' })
  serviceStart!: string;

  @Column({ type: 'date' })
  serviceEnd!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  requirements!: QualificationRequirements;

  /** Frozen at publication: the service refuses any change after it. */
  @Column({ type: 'jsonb' })
  criteria!: Criterion[];

  /** The payment plan the contract will carry (frozen at publication like the criteria). */
  @Column({ type: 'jsonb' })
  milestones!: MilestonePlanItem[];

  /** Weights of the performance-evaluation dimensions (frozen at publication). */
  @Column({ type: 'jsonb' })
  evaluationWeights!: DimensionWeights;

  @Column({
    type: 'enum',
    enum: PROJECT_STATUSES,
    enumName: 'service_project_status',
    default: 'draft',
  })
  status!: ProjectStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Why it failed or was cancelled. */
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
