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
} from 'typeorm';
import { CategoryEntity } from '@onedoor/resources';
import { AssessmentEntity } from './assessment.entity';
import { HouseholdEntity } from './household.entity';
import { NEED_STATUSES, type NeedStatus } from './household.types';
import { URGENCIES, type Urgency } from './template/template.types';

/** A need found by an assessment. Never deleted: it ends fulfilled, closed_unmet or withdrawn. */
@Entity({ name: 'need' })
@Check('ck_need_severity', `"severity" BETWEEN 1 AND 5`)
@Check('ck_need_gap', `"gap_fen" IS NULL OR "gap_fen" > 0`)
@Index('ix_need_household_status', ['householdId', 'status'])
@Index('ix_need_category_status', ['categoryCode', 'status'])
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_need_household' })
  household?: HouseholdEntity;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity)
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_need_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_need_category' })
  category?: CategoryEntity;

  @Column({ type: 'smallint' })
  severity!: number;

  @Column({ type: 'enum', enum: URGENCIES, enumName: 'need_urgency' })
  urgency!: Urgency;

  @Column({ type: 'enum', enum: NEED_STATUSES, enumName: 'need_status', default: 'open' })
  status!: NeedStatus;

  /** `rule:<id>` when a template rule found it, `assessor` when added by hand. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /**
   * The assessed amount (fen) still to be covered, for needs of a money-gap category: the
   * out-of-pocket cost, the school fees, the repair. Complementary benefits stack on the need
   * until their amounts reach it. Null: no amount assessed (one benefit serves the need).
   */
  @Column({ type: 'bigint', nullable: true })
  gapFen!: string | null;

  /** Written by the matcher: when it last ran for this need, whom it excluded and why. */
  @Column({ type: 'timestamptz', nullable: true })
  lastMatchedAt!: Date | null;

  /** Grouped: one entry per identical exclusion with the resources it excluded (RejectionGroup). */
  @Column({ type: 'jsonb', nullable: true })
  matchRejections!: Array<{
    resourceIds: string[];
    reason: string;
    failed?: unknown;
    detail?: string;
    stacking?: unknown;
  }> | null;

  /** Set when the last run proposed nothing: the reasons (NONE_ELIGIBLE, …). */
  @Column({ type: 'text', array: true, nullable: true })
  unmetReasons!: string[] | null;

  /**
   * When it left open/matched (fulfilled, closed_unmet or withdrawn): with `createdAt`, the
   * period it was open, which the coverage report counts needs by.
   */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
