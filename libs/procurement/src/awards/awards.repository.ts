import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AwardEntity } from './award.entity';

@Injectable()
export class AwardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  awardsOf(projectId: string, manager?: EntityManager): Promise<AwardEntity[]> {
    return (manager ?? this.dataSource.manager).find(AwardEntity, {
      where: { projectId },
      order: { createdAt: 'ASC' },
    });
  }

  findAward(id: string): Promise<AwardEntity | null> {
    return this.dataSource.getRepository(AwardEntity).findOneBy({ id });
  }

  lockAward(manager: EntityManager, id: string): Promise<AwardEntity | null> {
    return manager.findOne(AwardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insertAward(manager: EntityManager, award: Partial<AwardEntity>): Promise<string> {
    const result = await manager.insert(AwardEntity, award);
    return result.identifiers[0].id as string;
  }

  async saveAward(manager: EntityManager, award: AwardEntity): Promise<void> {
    await manager.save(AwardEntity, award);
  }
}
