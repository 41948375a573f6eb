import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/**
 * One upload: its bytes are the blob named `sha256` in the FileStore (shared by every upload of
 * the same content), its name and type as received, who sent it. Owning libs link to it.
 */
@Entity({ name: 'stored_file' })
@Check('ck_stored_file_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('ck_stored_file_size', `"size" >= 0`)
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stored_file' })
  id!: string;

  @Index('ix_stored_file_sha256')
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint' })
  size!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'fk_stored_file_uploaded_by' })
  uploadedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
