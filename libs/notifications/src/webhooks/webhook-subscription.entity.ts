import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EventType } from '@onedoor/platform';

export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * Where an organization or an area wants events posted. Exactly one owner: the organization
 * (events whose providerId is it) or the area (events inside its subtree).
 */
@Entity({ name: 'webhook_subscription' })
@Check('ck_webhook_subscription_owner', `("provider_id" IS NULL) <> ("area_id" IS NULL)`)
@Check('ck_webhook_subscription_format', `"format" IN ('json', 'wecom', 'dingtalk')`)
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_webhook_subscription_provider_id')
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  // Named by string: the resources lib is below us, but the relation needs no import.
  @ManyToOne('ProviderEntity', { nullable: true })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_webhook_subscription_provider' })
  provider?: unknown;

  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne('AreaEntity', { nullable: true })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_webhook_subscription_area' })
  area?: unknown;

  /** The area's path, copied at creation: matching an event is a prefix test, no join. */
  @Column({ type: 'text', nullable: true })
  areaPath!: string | null;

  @Column({ type: 'text' })
  url!: string;

  /** AES-256-GCM (PiiCipher): the sender needs the secret itself to sign, so not a hash. */
  @Column({ type: 'text', nullable: true })
  secretEnc!: string | null;

  @Column({ type: 'text', array: true })
  eventTypes!: EventType[];

  @Column({ type: 'text' })
  format!: WebhookFormat;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Admins only: lets the URL resolve to loopback or private addresses (an on-site receiver). */
  @Column({ type: 'boolean', default: false })
  allowPrivateNetwork!: boolean;

  /** Deliveries that failed for good since the last success; at the limit the subscription stops. */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
