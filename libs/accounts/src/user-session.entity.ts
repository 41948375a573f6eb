import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@onedoor/platform';

/**
 * One login: its id is the access tokens' `sid`, and it holds the digest of the one refresh
 * token currently valid for it. Each refresh replaces the token and counts a rotation; a token
 * of an earlier rotation coming back means it was copied, and the whole session ends.
 */
@Entity({ name: 'user_session' })
export class UserSessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_user_session' })
  id!: string;

  @Index('ix_user_session_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_session_user' })
  user?: UserEntity;

  /** SHA-256 (hex) of the current refresh token; the token itself is never stored. */
  @Column({ type: 'text' })
  refreshHash!: string;

  @Column({ type: 'integer', default: 0 })
  rotation!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** logout, logout_all, revoked, refresh_reuse, deactivated, role_or_scope_changed, password_reset */
  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  clientAddress!: string | null;
}
