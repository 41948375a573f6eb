import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentTemplateEntity } from './assessment-template.entity';

export const DEFAULT_TEMPLATE_CODE = 'comprehensive';

@Injectable()
export class AssessmentTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<AssessmentTemplateEntity[]> {
    return this.dataSource
      .getRepository(AssessmentTemplateEntity)
      .find({ order: { code: 'ASC', version: 'DESC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<AssessmentTemplateEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(AssessmentTemplateEntity)
      .findOneBy({ id });
  }

  latest(code: string, manager?: EntityManager): Promise<AssessmentTemplateEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(AssessmentTemplateEntity)
      .findOne({ where: { code }, order: { version: 'DESC' } });
  }

  async insert(
    t: Omit<AssessmentTemplateEntity, 'id' | 'createdAt'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(AssessmentTemplateEntity).insert(t);
    return result.identifiers[0].id as string;
  }
}
