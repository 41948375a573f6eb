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
import { ProviderEntity } from '@onedoor/resources';
import { ServiceProjectEntity } from '../tenders/project.entity';
import {
  BID_STATUSES,
  type BidAttachment,
  type BidStatus,
  type BidTeam,
  type Qualification,
  QUALIFICATIONS,
} from '../procurement.types';

/**
 * A sealed bid. Replacing one marks it `replaced` and inserts its successor, so every version
 * an organization submitted stays on record; the partial unique index keeps one live bid per
 * organization and project even under concurrent submissions.
 */
@Entity({ name: 'bid' })
@Index('uq_bid_live_provider', ['projectId', 'providerId'], {
  unique: true,
  where: `status = 'submitted'`,
})
@Check('ck_bid_price', `"price_fen" > 0`)
export class BidEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_bid' })
  id!: string;

  @Index('ix_bid_project_id')
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ServiceProjectEntity)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_bid_project' })
  project?: ServiceProjectEntity;

  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_bid_provider' })
  provider?: ProviderEntity;

  @Column({ type: 'enum', enum: BID_STATUSES, enumName: 'bid_status', default: 'submitted' })
  status!: BidStatus;

  @Column({ type: 'bigint' })
  priceFen!: string;

  @Column({ type: 'text' })
  proposal!: string;

  @Column({ type: 'jsonb' })
  team!: BidTeam;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  attachments!: BidAttachment[];

  /** The bid this one replaced. */
  @Column({ type: 'uuid', nullable: true })
  replacesId!: string | null;

  @Column({ type: 'uuid' })
  submittedById!: string;

  @Column({
    type: 'enum',
    enum: QUALIFICATIONS,
    enumName: 'bid_qualification',
    default: 'pending',
  })
  qualification!: Qualification;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  qualificationReasons!: string[];

  @Column({ type: 'uuid', nullable: true })
  qualifiedById!: string | null;

  /** The bidder's explanation of an abnormally low price, required before it can win. */
  @Column({ type: 'text', nullable: true })
  priceJustification!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
