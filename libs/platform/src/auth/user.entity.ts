import {
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
import { ROLES, type Role } from './role';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Unique on lower(username): an expression index the migration owns.
  @Index('uq_app_user_username', { synchronize: false })
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  // argon2id hash; never selected unless a query asks for it explicitly.
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  @Index('ix_app_user_area_id')
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  // Named by string: the platform must not import the areas lib (it depends on us).
  @ManyToOne('AreaEntity', { nullable: true })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_app_user_area' })
  area?: unknown;

  @Index('ix_app_user_provider_id')
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne('ProviderEntity', { nullable: true })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_app_user_provider' })
  provider?: unknown;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
