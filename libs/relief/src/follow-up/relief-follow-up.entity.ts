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
import { AreaEntity } from '@onedoor/areas';
import { AssessmentEntity, HouseholdEntity } from '@onedoor/households';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../relief.types';
import { ReliefIntakeEntity } from '../intake/relief-intake.entity';

/**
 * The full assessment an intake owes (RELIEF_FOLLOW_UP_DAYS after it): `due → done` when a
 * completed assessment of the household exists dated after the intake, `due → overdue` when
 * the sweep finds it past its date (escalated once to the street, `escalated_at`); an overdue
 * one still becomes done when the assessment comes.
 */
@Entity({ name: 'relief_follow_up' })
@Index('ix_relief_follow_up_status_due', ['status', 'dueAt'])
export class ReliefFollowUpEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_relief_follow_up' })
  id!: string;

  @Index('ux_relief_follow_up_intake', { unique: true })
  @Column({ type: 'uuid' })
  intakeId!: string;

  @ManyToOne(() => ReliefIntakeEntity)
  @JoinColumn({ name: 'intake_id', foreignKeyConstraintName: 'fk_relief_follow_up_intake' })
  intake?: ReliefIntakeEntity;

  @Index('ix_relief_follow_up_household')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_relief_follow_up_household' })
  household?: HouseholdEntity;

  @Column({ type: 'uuid' })
  communityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_relief_follow_up_community' })
  community?: AreaEntity;

  @Column({
    type: 'enum',
    enum: FOLLOW_UP_STATUSES,
    enumName: 'relief_follow_up_status',
    default: 'due',
  })
  status!: FollowUpStatus;

  /** When the intake was registered: an assessment completed after it counts. */
  @Column({ type: 'timestamptz' })
  intakeAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  /** The completed assessment that made it done. */
  @Column({ type: 'uuid', nullable: true })
  assessmentId!: string | null;

  @ManyToOne(() => AssessmentEntity)
  @JoinColumn({
    name: 'assessment_id',
    foreignKeyConstraintName: 'fk_relief_follow_up_assessment',
  })
  assessment?: AssessmentEntity;

  /** Set once, by the sweep that found it overdue and escalated it to the street. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({
    name: 'escalated_to_area_id',
    foreignKeyConstraintName: 'fk_relief_follow_up_escalated_to',
  })
  escalatedTo?: AreaEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
