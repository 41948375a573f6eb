import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { type EventType, OutboxEventEntity, UserEntity } from '@onedoor/platform';

/**
 * One notice in a user's inbox: an outbox event as that user reads it (title and body
 * rendered in Chinese when it was delivered). The id is a sequence, so it orders a user's
 * notices and serves as the SSE event id; (event, user) is unique, so a dispatch that runs
 * twice writes each notice once.
 */
@Entity({ name: 'notification' })
@Index('ux_notification_event_user', ['eventId', 'userId'], { unique: true })
@Index('ix_notification_user', ['userId', 'id'])
@Index('ix_notification_user_unread', ['userId'], { where: '"read_at" IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_notification' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_user' })
  user?: UserEntity;

  @Column({ type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_notification_event' })
  event?: OutboxEventEntity;

  @Column({ type: 'text' })
  type!: EventType;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** What the console links to (a referral, a resource, …). */
  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
