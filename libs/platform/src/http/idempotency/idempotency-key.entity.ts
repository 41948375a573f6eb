import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a user sent on a POST: reserved (no response yet) while the first
 * request runs, then the response it got, replayed to retries until `expiresAt`.
 */
@Entity({ name: 'idempotency_key' })
@Index('ix_idempotency_key_expires_at', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** As the client sent it (1–255 visible ASCII characters). */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 (hex) of method, path and canonical JSON body: the same key must mean the same request. */
  @Column({ type: 'text' })
  requestHash!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  /** Null while the first request is still running. */
  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseHeaders!: Record<string, string> | null;

  /** The body exactly as sent (serialized JSON), so a replay is byte for byte the same. */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
