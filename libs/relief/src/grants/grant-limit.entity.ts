import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AreaEntity } from '@onedoor/areas';
import { UserEntity } from '@onedoor/platform';

/**
 * The delegated limit of the officers whose scope is this area: the largest grant they may
 * approve alone, in fen (null: no limit). An area without a row takes its level's default
 * (RELIEF_DEFAULT_LIMITS: community ¥1,000, street ¥5,000, district and city unlimited).
 */
@Entity({ name: 'relief_grant_limit' })
export class GrantLimitEntity {
  @PrimaryColumn('uuid')
  areaId!: string;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_relief_grant_limit_area' })
  area?: unknown;

  @Column({ type: 'bigint', nullable: true })
  maxFen!: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({
    name: 'updated_by_id',
    foreignKeyConstraintName: 'fk_relief_grant_limit_updated_by',
  })
  updatedBy?: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
