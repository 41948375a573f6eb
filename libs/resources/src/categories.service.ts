import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, type Principal, TransactionRunner } from '@onedoor/platform';
import { CategoriesRepository } from './categories.repository';
import type { CategoryDto, CreateCategoryDto } from './dto/category.dto';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CategoryDto[]> {
    return (await this.categories.all()).map(({ code, nameZh, nameEn, purpose, moneyGap }) => ({
      code,
      nameZh,
      nameEn,
      purpose,
      moneyGap,
    }));
  }

  async create(dto: CreateCategoryDto, actor: Principal): Promise<CategoryDto> {
    return this.tx.run(async (manager) => {
      if (await this.categories.exists(dto.code, manager)) {
        throw new DomainError('CATEGORY_CODE_TAKEN', `Category ${dto.code} already exists`);
      }
      const category = { ...dto, moneyGap: dto.moneyGap ?? false };
      await this.categories.insert(category, manager);
      await this.audit.record(manager, {
        entityType: 'category',
        entityId: dto.code,
        action: 'create',
        actor,
        data: { ...category },
      });
      return category;
    });
  }
}
