import { pageOffset } from '../pagination/pagination.dto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { PageQueryDto } from '../pagination/pagination.dto';
import { applyAreaScope } from '../scope/area-scope';
import { AuditLogEntity } from './audit-log.entity';
import type { AuditEntry } from './audit.service';

@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Rows in one statement, only inside the change's transaction (a row written outside it could
   * outlive a rolled-back change). Written through {@link AuditService}.
   */
  async insertMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit rows need the manager of an open transaction');
    }
    await manager.insert(
      AuditLogEntity,
      entries.map((entry) => ({
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        actorId: entry.actor?.userId ?? null,
        actorRole: entry.actor?.role ?? null,
        fromState: entry.fromState ?? null,
        toState: entry.toState ?? null,
        reason: entry.reason ?? null,
        data: (entry.data ?? null) as never,
        areaPath: entry.areaPath ?? null,
      })),
    );
  }

  /**
   * One record's history, unscoped: only for callers that have already checked that the
   * reader may see that record (e.g. `GET /resources/:id/history`).
   */
  listForEntity(
    entityType: string,
    entityId: string,
    page: PageQueryDto,
  ): Promise<[AuditLogEntity[], number]> {
    return this.dataSource.getRepository(AuditLogEntity).findAndCount({
      where: { entityType, entityId },
      order: { id: 'ASC' },
      skip: pageOffset(page),
      take: page.limit,
    });
  }

  list(
    filter: { entityType?: string; entityId?: string },
    page: PageQueryDto,
    principal: Principal,
  ): Promise<[AuditLogEntity[], number]> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.entityType)
      qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    applyAreaScope(qb, 'a.area_path', principal);
    return qb.orderBy('a.id', 'ASC').skip(pageOffset(page)).take(page.limit).getManyAndCount();
  }
}
