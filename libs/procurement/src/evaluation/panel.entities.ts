import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '@onedoor/platform';
import { BidEntity } from '../bids/bid.entity';
import { ServiceProjectEntity } from '../tenders/project.entity';

/** An evaluator assigned to a project's panel. */
@Entity({ name: 'panel_member' })
export class PanelMemberEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_panel_member' })
  projectId!: string;

  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_panel_member' })
  evaluatorId!: string;

  @ManyToOne(() => ServiceProjectEntity)
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_panel_member_project' })
  project?: ServiceProjectEntity;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'evaluator_id', foreignKeyConstraintName: 'fk_panel_member_user' })
  evaluator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An evaluator's declaration about one bidder; a conflict recuses them from that bid. Never edited. */
@Entity({ name: 'conflict_declaration' })
export class ConflictDeclarationEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_conflict_declaration' })
  bidId!: string;

  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_conflict_declaration' })
  evaluatorId!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'fk_conflict_declaration_bid' })
  bid?: BidEntity;

  @Index('ix_conflict_declaration_project_id')
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'boolean' })
  conflict!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One evaluator's score of one bid on one criterion: locked once submitted (no update path). */
@Entity({ name: 'bid_score' })
@Check('ck_bid_score_range', `"score" BETWEEN 0 AND 100`)
export class BidScoreEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_bid_score' })
  bidId!: string;

  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_bid_score' })
  evaluatorId!: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_bid_score' })
  criterion!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'fk_bid_score_bid' })
  bid?: BidEntity;

  @Index('ix_bid_score_project_id')
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Civil-affairs' comment on a criterion whose scores spread too far, with an optional
 * moderated value; the evaluators' original scores stay untouched beside it.
 */
@Entity({ name: 'score_moderation' })
@Check('ck_score_moderation_range', `"score" IS NULL OR "score" BETWEEN 0 AND 100`)
export class ScoreModerationEntity {
  @Column({ type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_score_moderation' })
  bidId!: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_score_moderation' })
  criterion!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'fk_score_moderation_bid' })
  bid?: BidEntity;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'uuid' })
  moderatedById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
