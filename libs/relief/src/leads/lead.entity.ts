import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { HouseholdEntity } from '@onedoor/households';
import { UserEntity } from '@onedoor/platform';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '../relief.types';

/**
 * A family in sudden difficulty reported by anyone (线索): a reporter account, staff, an
 * assessor, a provider's user, or the public form. Personal data is stored as everywhere in
 * OneDoor: identity number and phones as keyed digests (for the registry check) and AES-GCM
 * ciphertext (PiiCipher), never in clear. Routed to its community's staff with a triage
 * deadline of hours; ends linked to a household, registered as a new one, or closed.
 */
@Entity({ name: 'lead' })
@Index('ix_lead_status_due', ['status', 'triageDueAt'])
@Index('ix_lead_reported_by', ['reportedById', 'createdAt'])
@Unique('uq_lead_reference', ['reference'])
export class LeadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What the reporter is told (XS + Beijing date + random): all the public form answers. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'enum', enum: LEAD_STATUSES, enumName: 'lead_status', default: 'reported' })
  status!: LeadStatus;

  @Column({ type: 'enum', enum: LEAD_SOURCES, enumName: 'lead_source' })
  source!: LeadSource;

  /** The account that reported it; null for the public form. */
  @Column({ type: 'uuid', nullable: true })
  reportedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'reported_by_id', foreignKeyConstraintName: 'fk_lead_reported_by' })
  reportedBy?: unknown;

  /** Who reports, as they said (the public form's name and relation; an account's own name). */
  @Column({ type: 'text' })
  reporterName!: string;

  @Column({ type: 'text', nullable: true })
  reporterPhoneEnc!: string | null;

  /** The reporter's relation to the family (邻居, 网格员, 亲属…), as they said. */
  @Column({ type: 'text', nullable: true })
  reporterRelation!: string | null;

  /** The family: the person's name as reported. */
  @Column({ type: 'text' })
  subjectName!: string;

  /** Digests kept to look the family up in the registry (households'), not to search leads. */
  @Column({ type: 'char', length: 64, nullable: true })
  idHmac!: string | null;

  @Column({ type: 'text', nullable: true })
  idEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  idMasked!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHmac!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEnc!: string | null;

  /** Where the family is (the community picked or found) and the address as written. */
  @Column({ type: 'uuid' })
  communityId!: string;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_lead_community' })
  community?: unknown;

  @Index('ix_lead_area_path', { synchronize: false })
  @Column({ type: 'text' })
  areaPath!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** What happened (encrypted: it is about health, money and family). */
  @Column({ type: 'text' })
  situationEnc!: string;

  /** Hours after the report (RELIEF_TRIAGE_HOURS); missed → escalated to the street, then up. */
  @Column({ type: 'timestamptz' })
  triageDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** The area above the community whose staff the missed deadline was escalated to. */
  @Column({ type: 'uuid', nullable: true })
  escalatedToAreaId!: string | null;

  @ManyToOne(() => AreaEntity)
  @JoinColumn({
    name: 'escalated_to_area_id',
    foreignKeyConstraintName: 'fk_lead_escalated_to_area',
  })
  escalatedToArea?: unknown;

  /** Households the registry check found when it was reported (the triage view re-reads them). */
  @Column({ type: 'integer', default: 0 })
  candidateCount!: number;

  @Column({ type: 'uuid', nullable: true })
  triagedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'triaged_by_id', foreignKeyConstraintName: 'fk_lead_triaged_by' })
  triagedBy?: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  /** The household it was linked to or registered as. */
  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @ManyToOne(() => HouseholdEntity)
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_lead_household' })
  household?: unknown;

  /** Why it was closed (e.g. 经核实无需救助, 重复线索). */
  @Column({ type: 'text', nullable: true })
  closeReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
