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

  /**
   * Needs of this category carry an assessed amount (medical out-of-pocket cost, education
   * cost, housing repair): several complementary benefits may cover it, up to that gap.
   */
  @Column({ type: 'boolean', default: false })
  moneyGap!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
