import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFileEntity } from '@onedoor/platform';
import { ContractMilestoneEntity } from './contract.entities';

/** An evidence file of a contract milestone (the bytes are the platform's `stored_file`). */
@Entity({ name: 'milestone_file' })
export class MilestoneFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_milestone_file' })
  milestoneId!: string;

  @ManyToOne(() => ContractMilestoneEntity)
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'fk_milestone_file_milestone' })
  milestone?: ContractMilestoneEntity;

  @Index('ix_milestone_file_file_id')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_milestone_file' })
  fileId!: string;

  @ManyToOne(() => StoredFileEntity)
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_milestone_file_file' })
  file?: StoredFileEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
