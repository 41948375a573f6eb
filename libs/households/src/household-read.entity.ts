import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ROLES, type Role, UserEntity } from '@onedoor/platform';
import { HouseholdEntity } from './household.entity';

/**
 * One read of a household's record by a signed-in user (the access log supervisors review):
 * who, in which role, when, and from which console page (`X-OneDoor-Page`, else `api`). Rows
 * are only ever inserted.
 */
@Entity({ name: 'household_read' })
@Index('ix_household_read_household_at', ['householdId', 'at'])
@Index('ix_household_read_user_at', ['userId', 'at'])
export class HouseholdReadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_household_read_at')
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_household_read_user' })
  user?: unknown;

  /** The role at the time of the read (a user's role may change later). */
  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_read_household' })
  household?: unknown;

  /** The console route's pathname the record was opened from, or `api`. */
  @Column({ type: 'text' })
  page!: string;
}
