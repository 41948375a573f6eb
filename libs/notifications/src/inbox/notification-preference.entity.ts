import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { type EventType, UserEntity } from '@onedoor/platform';

/**
 * A user's choice for one event type: which of the per-user channels carry it. No row means
 * every channel (the default), so only a change writes one.
 */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_preference' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preference_user' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_notification_preference' })
  eventType!: EventType;

  @Column({ type: 'boolean', default: true })
  inbox!: boolean;

  @Column({ type: 'boolean', default: true })
  email!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
