import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFileEntity } from '@onedoor/platform';
import { BidEntity } from './bid.entity';

/**
 * A file attached to a bid (the bytes and their name are the platform's `stored_file`). A
 * replacing bid gets its predecessor's links copied, so every version keeps the files it had.
 */
@Entity({ name: 'bid_file' })
export class BidFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_bid_file' })
  bidId!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'fk_bid_file_bid' })
  bid?: BidEntity;

  @Index('ix_bid_file_file_id')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_bid_file' })
  fileId!: string;

  @ManyToOne(() => StoredFileEntity)
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_bid_file_file' })
  file?: StoredFileEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
