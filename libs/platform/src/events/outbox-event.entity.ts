import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EventAudience, EventType } from './event-types';

/**
 * One event in the outbox, written in the same transaction as the state change it reports;
 * the matcher process fans it out to its recipients and channels, then stamps `dispatchedAt`.
 * The id is a sequence, so it orders events (and serves as the SSE event id).
 */
@Entity({ name: 'outbox_event' })
@Index('ix_outbox_event_undispatched', ['id'], { where: '"dispatched_at" IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  type!: EventType;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'text', nullable: true })
  areaPath!: string | null;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Column({ type: 'jsonb' })
  audience!: EventAudience;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Index('ux_outbox_event_dedup', { unique: true, where: '"dedup_key" IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  dedupKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
