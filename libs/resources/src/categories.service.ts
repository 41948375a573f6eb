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
    return (await this.categories.all()).map(({ code, nameZh, nameEn, purpose }) => ({
      code,
      nameZh,
      nameEn,
      purpose,
    }));
  }

  async create(dto: CreateCategoryDto, actor: Principal): Promise<CategoryDto> {
    return this.tx.run(async (manager) => {
      if (await this.categories.exists(dto.code, manager)) {
        throw new DomainError('CATEGORY_CODE_TAKEN', `Category ${dto.code} already exists`);
      }
      await this.categories.insert(dto, manager);
      await this.audit.record(manager, {
        entityType: 'category',
        entityId: dto.code,
        action: 'create',
        actor,
        data: { ...dto },
      });
      return { ...dto };
    });
  }
}
