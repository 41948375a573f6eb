import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { StackingRuleEntity } from './stacking-rule.entity';

/** The stacking rules table as the rules API reads and edits it. */
@Injectable()
export class StackingRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every rule: category rules first (by code), then pairs; the table is small and city-wide. */
  all(): Promise<StackingRuleEntity[]> {
    return this.dataSource
      .getRepository(StackingRuleEntity)
      .createQueryBuilder('r')
      .orderBy('r.category_code', 'ASC', 'NULLS LAST')
      .addOrderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  findById(id: string, manager?: EntityManager, lock = false): Promise<StackingRuleEntity | null> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(StackingRuleEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The rule already deciding this category or this (ordered) pair, if any. */
  findBySubject(
    subject: { categoryCode: string } | { resourceAId: string; resourceBId: string },
    manager: EntityManager,
  ): Promise<StackingRuleEntity | null> {
    return manager.getRepository(StackingRuleEntity).findOneBy(subject);
  }

  async insert(
    rule: Pick<
      StackingRuleEntity,
      | 'kind'
      | 'categoryCode'
      | 'resourceAId'
      | 'resourceBId'
      | 'periodMonths'
      | 'note'
      | 'createdById'
    >,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(StackingRuleEntity).insert(rule);
    return result.identifiers[0].id as string;
  }

  /** False when the version read is no longer current. */
  async updateVersioned(
    id: string,
    version: number,
    changes: Pick<StackingRuleEntity, 'kind' | 'periodMonths' | 'note'>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(StackingRuleEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(StackingRuleEntity).delete({ id });
  }
}
