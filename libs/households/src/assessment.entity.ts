import {
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
import { TIERS, type Tier } from '@onedoor/resources';
import { AssessmentTemplateEntity } from './assessment-template.entity';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from './household.types';
import { HouseholdEntity } from './household.entity';
import type { Answers } from './template/template.types';

@Entity({ name: 'assessment' })
@Index('ix_assessment_household_status', ['householdId', 'status'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_assessment_household' })
  household?: HouseholdEntity;

  @Column({ type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => AssessmentTemplateEntity)
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_assessment_template' })
  template?: AssessmentTemplateEntity;

  @Column({
    type: 'enum',
    enum: ASSESSMENT_STATUSES,
    enumName: 'assessment_status',
    default: 'draft',
  })
  status!: AssessmentStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers!: Answers;

  @Column({ type: 'uuid' })
  assessorId!: string;

  @Column({ type: 'jsonb', nullable: true })
  dimensionScores!: Record<string, number> | null;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  totalScore!: string | null;

  @Column({ type: 'enum', enum: TIERS, enumName: 'household_tier', nullable: true })
  tier!: Tier | null;

  @Column({ type: 'smallint', nullable: true })
  circle!: number | null;

  @Column({ type: 'text', nullable: true })
  tierReason!: string | null;

  /** The household facts completion used (members, income, standard, flags): frozen. */
  @Column({ type: 'jsonb', nullable: true })
  factsSnapshot!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** When its matching job was queued; empty means the sweep still owes it (outbox). */
  @Column({ type: 'timestamptz', nullable: true })
  matchEnqueuedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
