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
  VersionColumn,
} from 'typeorm';
import { HouseholdEntity, NeedEntity } from '@onedoor/households';
import { ProviderEntity, ResourceEntity } from '@onedoor/resources';
import type { Urgency } from '../engine/match-engine';
import { MatchProposalEntity } from '../match-proposal.entity';
import type { DecisionSnapshot } from './decision-snapshot';

export const REFERRAL_STATUSES = [
  'open',
  'accepted',
  'delivered',
  'closed',
  'declined',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/**
 * The statuses of a referral still holding its need (and, until delivered, a reserved unit), as
 * SQL: queries spell it literally like the partial unique index does, so the planner can use it.
 */
export const LIVE_REFERRAL_SQL = `('open', 'accepted', 'delivered')`;

export const DECLINE_REASONS = [
  'capacity',
  'outside_area',
  'not_eligible',
  'missing_documents',
  'household_refused',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * An approved proposal sent to the resource's provider. One live referral per need without a
 * money gap, several (stacking up to the gap) for a need with one: the approval decides, under
 * the need's lock, not an index. Deadlines are fixed at approval from the need's urgency.
 */
@Entity({ name: 'referral' })
@Index('ix_referral_live_need', ['needId'], { where: `status IN ${LIVE_REFERRAL_SQL}` })
@Index('ix_referral_status_due', ['status', 'acceptDueAt'])
@Index('ix_referral_provider_status', ['providerId', 'status'])
@Check('ck_referral_satisfaction', `"satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5`)
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referral' })
  id!: string;

  @Index('uq_referral_proposal', { unique: true })
  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => MatchProposalEntity)
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_referral_proposal' })
  proposal?: MatchProposalEntity;

  @Column({ type: 'uuid' })
  needId!: string;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_referral_need' })
  need?: NeedEntity;

  @Index('ix_referral_household_id')
  @Column({ type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_referral_household' })
  household?: HouseholdEntity;

  @Index('ix_referral_resource_id')
  @Column({ type: 'uuid' })
  resourceId!: string;

  @ManyToOne(() => ResourceEntity)
  @JoinColumn({ name: 'resource_id', foreignKeyConstraintName: 'fk_referral_resource' })
  resource?: ResourceEntity;

  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_referral_provider' })
  provider?: ProviderEntity;

  /** The household's community path at approval: area scope for staff and assessors. */
  @Index('ix_referral_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({
    type: 'enum',
    enum: REFERRAL_STATUSES,
    enumName: 'referral_status',
    default: 'open',
  })
  status!: ReferralStatus;

  @Column({ type: 'enum', enum: ['normal', 'urgent', 'emergency'], enumName: 'need_urgency' })
  urgency!: Urgency;

  @Column({ type: 'text' })
  categoryCode!: string;

  @Column({ type: 'timestamptz' })
  acceptDueAt!: Date;

  @Column({ type: 'timestamptz' })
  deliverDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** When it declined or expired. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'enum', enum: DECLINE_REASONS, enumName: 'decline_reason', nullable: true })
  declineReason!: DeclineReason | null;

  @Column({ type: 'text', nullable: true })
  declineNote!: string | null;

  @Column({ type: 'integer', nullable: true })
  unitsDelivered!: number | null;

  @Column({ type: 'bigint', nullable: true })
  amountDeliveredFen!: string | null;

  /**
   * For a money-gap need: what it covers of the gap (fen), its resource's value up to what was
   * left at the approval; counted while pending, and the delivered amount when the delivery
   * names none. Null for a need without a gap.
   */
  @Column({ type: 'bigint', nullable: true })
  coversFen!: string | null;

  @Column({ type: 'smallint', nullable: true })
  satisfaction!: number | null;

  @Column({ type: 'boolean', nullable: true })
  needResolved!: boolean | null;

  @Column({ type: 'text', nullable: true })
  feedbackNote!: string | null;

  /** Set by the SLA sweep when a deadline passed; cleared by nothing (history). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /** The area whose civil-affairs staff the overdue referral was escalated to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  /** The household's consent to share its contact with the provider, recorded at approval. */
  @Column({ type: 'jsonb', nullable: true })
  consent!: ReferralConsent | null;

  /** What the approver saw: never updated after approval. */
  @Column({ type: 'jsonb' })
  snapshot!: DecisionSnapshot;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

export const CONSENT_METHODS = ['verbal', 'written', 'phone', 'in_person', 'online'] as const;

/** Who gave consent to share the household's contact, how and when; who recorded it. */
export interface ReferralConsent {
  given: boolean;
  by: string;
  method: (typeof CONSENT_METHODS)[number];
  at: string;
  recordedBy: string;
}

/**
 * One read of a household's contact on a referral (who opened whose contact, when): written
 * in the read's own statement, readable by admin and staff whose scope holds `areaPath`.
 */
@Entity({ name: 'contact_access' })
@Index('ix_contact_access_household', ['householdId', 'readAt'])
export class ContactAccessEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_contact_access',
  })
  id!: string;

  @Index('ix_contact_access_referral')
  @Column({ type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_contact_access_referral' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'uuid' })
  readerId!: string;

  @Column({ type: 'text' })
  readerRole!: string;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Column({ type: 'text' })
  areaPath!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  readAt!: Date;
}

/** A resource the matcher skips for one household until `until` (after a decline or expiry). */
@Entity({ name: 'parked_resource' })
export class ParkedResourceEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_parked_resource' })
  householdId!: string;

  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_parked_resource' })
  resourceId!: string;

  @Column({ type: 'timestamptz' })
  until!: Date;

  @Column({ type: 'uuid' })
  referralId!: string;
}
