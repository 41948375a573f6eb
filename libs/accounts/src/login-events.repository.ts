import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { pageOffset, type PageQueryDto, type Principal } from '@onedoor/platform';
import { LoginEventEntity } from './login-event.entity';

export interface LoginEventFilter {
  userId?: string;
}

@Injectable()
export class LoginEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(event: Omit<LoginEventEntity, 'id'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(LoginEventEntity).insert(event);
  }

  /**
   * The record as `reader` may see it: admin all of it; civil-affairs staff their own and that
   * of users whose area lies in their subtree; anyone else their own. Applied in the query.
   */
  list(
    filter: LoginEventFilter,
    page: PageQueryDto,
    reader: Principal,
  ): Promise<[LoginEventEntity[], number]> {
    const qb = this.dataSource
      .getRepository(LoginEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(pageOffset(page))
      .take(page.limit);
    if (filter.userId) qb.andWhere('e.user_id = :userId', { userId: filter.userId });
    if (reader.role === 'admin') return qb.getManyAndCount();
    if (reader.role === 'civil_affairs' && reader.areaPath) {
      // The user's area path: a join to app_user and area, the scope index (see conventions).
      return qb
        .andWhere(
          `(e.user_id = :self OR e.user_id IN (
              SELECT u.id FROM app_user u JOIN area a ON a.id = u.area_id
               WHERE a.path LIKE :scopePrefix))`,
          { self: reader.userId, scopePrefix: `${reader.areaPath}%` },
        )
        .getManyAndCount();
    }
    return qb.andWhere('e.user_id = :self', { self: reader.userId }).getManyAndCount();
  }
}
