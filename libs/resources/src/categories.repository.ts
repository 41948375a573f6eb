import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CategoryEntity } from './category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<CategoryEntity[]> {
    return this.dataSource
      .getRepository(CategoryEntity)
      .find({ order: { createdAt: 'ASC', code: 'ASC' } });
  }

  exists(code: string, manager?: EntityManager): Promise<boolean> {
    return (manager ?? this.dataSource.manager).getRepository(CategoryEntity).existsBy({ code });
  }

  async insert(category: Omit<CategoryEntity, 'createdAt'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(CategoryEntity).insert(category);
  }
}
