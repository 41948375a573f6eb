import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One upload: its bytes are the blob named `sha256` in the FileStore (shared by every upload of
 * the same content), its name and type as received, who sent it. Owning libs link to it.
 */
@Entity({ name: 'stored_file' })
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
