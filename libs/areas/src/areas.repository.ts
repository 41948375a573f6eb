import { idsOnPath } from './area-level';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { AreaEntity } from './area.entity';
import type { AreaLevel } from './area-level';

@Injectable()
export class AreasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AreaEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<AreaEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** By id, only when inside the caller's scope: outside reads exactly like missing. */
  findInScope(id: string, principal: Principal): Promise<AreaEntity | null> {
    const qb = this.repo().createQueryBuilder('a').where('a.id = :id', { id });
    return applyAreaScope(qb, 'a.path', principal).getOne();
  }

  list(
    filter: { level?: AreaLevel; parentId?: string },
    page: PageQueryDto,
    /** null: the public list (the administrative divisions are public knowledge). */
    principal: Principal | null,
  ): Promise<[AreaEntity[], number]> {
    const qb = this.repo().createQueryBuilder('a');
    if (filter.level) qb.andWhere('a.level = :level', { level: filter.level });
    if (filter.parentId) qb.andWhere('a.parentId = :parentId', { parentId: filter.parentId });
    return (principal ? applyAreaScope(qb, 'a.path', principal) : qb)
      .orderBy('a.path', 'ASC')
      .skip(pageOffset(page))
      .take(page.limit)
      .getManyAndCount();
  }

  children(id: string): Promise<AreaEntity[]> {
    return this.repo().find({ where: { parentId: id }, order: { code: 'ASC' } });
  }

  byIds(ids: string[]): Promise<AreaEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The district above (or at) a path: it carries the minimum living standard. */
  districtOf(path: string, manager?: EntityManager): Promise<AreaEntity | null> {
    return this.repo(manager).findOneBy({ id: In(idsOnPath(path)), level: 'district' });
  }

  findByCode(code: string, manager?: EntityManager): Promise<AreaEntity | null> {
    return this.repo(manager).findOneBy({ code });
  }

  async insert(area: AreaEntity, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(area);
  }

  async update(
    id: string,
    changes: Partial<Pick<AreaEntity, 'name' | 'boundary'>>,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }
}
