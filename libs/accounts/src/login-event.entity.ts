import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const LOGIN_EVENT_KINDS = [
  'login',
  'refresh',
  'logout',
  'logout_all',
  'session_revoked',
  'password_change',
  'password_reset',
  'password_set',
] as const;
export type LoginEventKind = (typeof LOGIN_EVENT_KINDS)[number];
export type LoginOutcome = 'success' | 'failure' | 'refresh_reuse';

/**
 * The login record: every login (success or failure), refresh, logout and password change or
 * reset. A failed login of an unknown username keeps the name tried and no user id. Kept apart
 * from the audit log: it is about access, written also when the request fails.
 */
@Entity({ name: 'login_event' })
@Index('ix_login_event_user_id_at', ['userId', 'at'])
export class LoginEventEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_login_event',
  })
  id!: string;

  @Index('ix_login_event_at')
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** The account's username, or the one attempted. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  kind!: LoginEventKind;

  @Column({ type: 'text' })
  outcome!: LoginOutcome;

  @Column({ type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;
}
