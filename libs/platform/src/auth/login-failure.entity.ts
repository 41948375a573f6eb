import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login, kept for the throttling window (pruned by the matcher's maintenance job). */
@Entity({ name: 'login_failure' })
@Index('ix_login_failure_username_at', ['username', 'at'])
@Index('ix_login_failure_client_ip_at', ['clientIp', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** Lower-cased as typed, whether or not such a user exists. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'inet' })
  clientIp!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
