import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A login-failure counter of `rate-limiter-flexible`'s RateLimiterPostgres (its table shape:
 * the library inserts `VALUES (key, points, expire)` in this column order). One row per
 * username+address and per address; pruned by the matcher's maintenance job once expired.
 */
@Entity({ name: 'login_limit' })
@Index('ix_login_limit_expire', ['expire'])
export class LoginLimitEntity {
  /** The limiter's prefix and key, e.g. `login_fail_username_ip:alice_203.0.113.7`. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  /** Epoch milliseconds (the library's clock) when the count lapses. */
  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}
