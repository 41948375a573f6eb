import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A file attached to a bid (the bytes and their name are the platform's `stored_file`). A
 * replacing bid gets its predecessor's links copied, so every version keeps the files it had.
 */
@Entity({ name: 'bid_file' })
export class BidFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_bid_file' })
  bidId!: string;

  @Index('ix_bid_file_file_id')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_bid_file' })
  fileId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
