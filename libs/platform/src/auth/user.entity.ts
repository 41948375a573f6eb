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
import { EVALUATOR_TYPES, type EvaluatorType, ROLES, type Role } from './role';

@Entity({ name: 'app_user' })
@Check(
  'ck_app_user_contracted',
  `"contract_id" IS NULL OR ("role" = 'assessor' AND "provider_id" IS NOT NULL AND "access_until" IS NOT NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Unique on lower(username): an expression index the migration owns.
  @Index('uq_app_user_username', { synchronize: false })
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  // argon2id hash; never selected unless a query asks for it explicitly. Null until the owner
  // of an account created by someone else sets it with a one-time token.
  @Column({ type: 'text', select: false, nullable: true })
  passwordHash!: string | null;

  @Index('ix_app_user_role')
  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  /** A provider user who manages the accounts of their own organization. */
  @Column({ type: 'boolean', default: false })
  isOrgAdmin!: boolean;

  /** Evaluators only: whom they speak for on a performance-evaluation panel. */
  @Column({ type: 'enum', enum: EVALUATOR_TYPES, enumName: 'evaluator_type', nullable: true })
  evaluatorType!: EvaluatorType | null;

  /** Personal data: AES-256-GCM ciphertext (PiiCipher), shown masked in lists. */
  @Column({ type: 'text', nullable: true })
  phoneEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  emailEnc!: string | null;

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

  /**
   * A contracted social-work worker (an assessor acting for `providerId`, their organization):
   * the contract they work under. No foreign key: `contract` belongs to procurement, above us.
   */
  @Index('ix_app_user_contract_id')
  @Column({ type: 'uuid', nullable: true })
  contractId!: string | null;

  /** When the account's access ends (a contracted worker: their contract's end). */
  @Column({ type: 'timestamptz', nullable: true })
  accessUntil!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
