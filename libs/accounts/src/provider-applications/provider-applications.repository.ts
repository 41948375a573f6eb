import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { pageOffset, type Principal } from '@onedoor/platform';
import type { ProviderApplicationQueryDto } from '../dto/provider-applications.dto';
import { ProviderApplicationEntity } from './provider-application.entity';

/**
 * Who sees an application: admin all; civil-affairs staff those whose home area lies inside
 * their own subtree (never above it). Applied in the query, so anything else reads as missing.
 */
function applyReviewScope(
  qb: SelectQueryBuilder<ProviderApplicationEntity>,
  actor: Principal,
): SelectQueryBuilder<ProviderApplicationEntity> {
  if (actor.role === 'admin') return qb;
  if (actor.role !== 'civil_affairs' || !actor.areaPath) return qb.andWhere('1 = 0');
  // Paths end with '/': '/a/' is never a prefix of '/ab/'.
  return qb.andWhere('home.path LIKE :reviewScope', { reviewScope: `${actor.areaPath}%` });
}

@Injectable()
export class ProviderApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager)
      .getRepository(ProviderApplicationEntity)
      .createQueryBuilder('pa')
      .innerJoinAndSelect('pa.homeArea', 'home');
  }

  async insert(
    values: Partial<ProviderApplicationEntity>,
    manager: EntityManager,
  ): Promise<ProviderApplicationEntity> {
    const result = await manager.getRepository(ProviderApplicationEntity).insert(values);
    const id = (result.identifiers[0] as { id: string }).id;
    return (await this.query(manager).where('pa.id = :id', { id }).getOne())!;
  }

  /**
   * The application if `actor` may review it; with `manager`, its row is locked for the
   * transaction, so two reviewers deciding at once run one after the other.
   */
  findReviewable(
    id: string,
    actor: Principal,
    manager?: EntityManager,
  ): Promise<ProviderApplicationEntity | null> {
    const qb = applyReviewScope(this.query(manager).where('pa.id = :id', { id }), actor);
    if (manager) qb.setLock('pessimistic_write', undefined, ['pa']);
    return qb.getOne();
  }

  list(
    query: ProviderApplicationQueryDto,
    actor: Principal,
  ): Promise<[ProviderApplicationEntity[], number]> {
    const qb = this.query();
    if (query.status) qb.andWhere('pa.status = :status', { status: query.status });
    return applyReviewScope(qb, actor)
      .orderBy('pa.createdAt', 'DESC')
      .addOrderBy('pa.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.limit)
      .getManyAndCount();
  }

  async decide(
    id: string,
    changes: Pick<
      ProviderApplicationEntity,
      'status' | 'reason' | 'decidedBy' | 'decidedAt' | 'providerId' | 'userId'
    >,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .getRepository(ProviderApplicationEntity)
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id', { id })
      .execute();
  }
}
