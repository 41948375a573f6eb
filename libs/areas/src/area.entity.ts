import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AREA_LEVELS, type AreaLevel } from './area-level';
import type { AreaBoundary } from './area-boundary';

@Entity({ name: 'area' })
export class AreaEntity {
  // Assigned by the service so the path can be written in the same insert.
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ix_area_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AreaEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_area_parent' })
  parent?: AreaEntity | null;

  @Column({ type: 'enum', enum: AREA_LEVELS, enumName: 'area_level' })
  level!: AreaLevel;

  /** Administrative division code (行政区划代码) or any unique local code. */
  @Index('uq_area_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /**
   * '/<root id>/…/<own id>/'. "Inside" is a prefix test, served by a text_pattern_ops
   * index that the migration owns.
   */
  @Index('ix_area_path', { synchronize: false })
  @Column({ type: 'text' })
  path!: string;

  /** 低保标准: yuan per person per month, in fen; districts only. */
  @Column({ type: 'integer', nullable: true })
  minimumLivingStandardFen!: number | null;

  /**
   * A rural area (村, 乡镇): the bulletin tables count urban and rural assistance apart. Set on
   * streets and communities; a household is rural when its community is.
   */
  @Column({ type: 'boolean', default: false })
  rural!: boolean;

  /** The outline on a map (GeoJSON, validated by boundaryProblems); null until drawn. */
  @Column({ type: 'jsonb', nullable: true })
  boundary!: AreaBoundary | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
