import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@onedoor/platform';

/** A one-time token that lets a user set their password without logging in (24 h). */
@Entity({ name: 'set_password_token' })
export class SetPasswordTokenEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_set_password_token' })
  id!: string;

  @Index('ix_set_password_token_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_set_password_token_user' })
  user?: UserEntity;

  /** SHA-256 (hex) of the token; the token is shown once to whoever issued it. */
  @Index('uq_set_password_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** The manager who issued it (null: the system, e.g. an approved application). */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when used, or when a newer token for the same user replaces it. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
