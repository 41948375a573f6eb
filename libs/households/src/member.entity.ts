import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  EDUCATION_STAGES,
  type EducationStage,
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  GENDERS,
  type Gender,
  RELATIONS,
  type Relation,
} from './household.types';
import type { HouseholdEntity } from './household.entity';

/**
 * A household member. The identity number is never stored in clear: `idHmac` (keyed
 * digest) serves lookups and deduplication, `idEnc` (AES-256-GCM) keeps the value, and
 * `idMasked` is what responses show.
 */
@Entity({ name: 'household_member' })
@Check(
  'ck_household_member_values',
  `"disability_grade" BETWEEN 0 AND 4 AND "monthly_income_fen" >= 0`,
)
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_household_member_household_id')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne('HouseholdEntity', 'members', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_member_household' })
  household?: HouseholdEntity;

  /** GIN trigram index (pg_trgm) for search by name, in the migration. */
  @Index('ix_household_member_name_trgm', { synchronize: false })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: RELATIONS, enumName: 'member_relation' })
  relation!: Relation;

  /** One head per household; heads' identities are unique (uq_household_member_head). */
  @Column({ type: 'boolean', default: false })
  isHead!: boolean;

  @Index('ix_household_member_id_hmac')
  @Index('uq_household_member_head', { synchronize: false }) // partial unique on heads, in the migration
  @Column({ type: 'char', length: 64 })
  idHmac!: string;

  @Column({ type: 'text' })
  idEnc!: string;

  @Column({ type: 'text' })
  idMasked!: string;

  @Column({ type: 'date' })
  birthDate!: string;

  @Column({ type: 'enum', enum: GENDERS, enumName: 'gender' })
  gender!: Gender;

  /** 0 none, 1 (most severe) … 4 (mildest), as disability certificates grade it. */
  @Column({ type: 'smallint', default: 0 })
  disabilityGrade!: number;

  @Column({ type: 'boolean', default: false })
  chronicIllness!: boolean;

  @Column({ type: 'enum', enum: EMPLOYMENT_STATUSES, enumName: 'employment_status' })
  employment!: EmploymentStatus;

  @Column({ type: 'enum', enum: EDUCATION_STAGES, enumName: 'education_stage', default: 'none' })
  educationStage!: EducationStage;

  @Column({ type: 'integer', default: 0 })
  monthlyIncomeFen!: number;
}
