import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { CATEGORY_PURPOSES, type CategoryPurpose } from './resource.types';

/** One taxonomy for needs and resources (DESIGN.md); seeded by migration, extendable by admin. */
@Entity({ name: 'category' })
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  nameZh!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'enum', enum: CATEGORY_PURPOSES, enumName: 'category_purpose' })
  purpose!: CategoryPurpose;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
