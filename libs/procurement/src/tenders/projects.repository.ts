import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import type { ProjectStatus } from '../procurement.types';
import { ServiceProjectEntity } from './project.entity';

@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findProject(id: string, manager?: EntityManager): Promise<ServiceProjectEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(ServiceProjectEntity, { id });
  }

  /** The project row locked for the transaction: every state change goes through here. */
  lockProject(
    manager: EntityManager,
    id: string,
    mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<ServiceProjectEntity | null> {
    return manager.findOne(ServiceProjectEntity, { where: { id }, lock: { mode } });
  }

  /**
   * Projects the caller may see: staff their area's, providers every published one (tenders
   * are public calls), evaluators those whose panel they sit on.
   */
  listProjects(
    query: PageQueryDto & { status?: ProjectStatus },
    principal: Principal,
  ): Promise<[ServiceProjectEntity[], number]> {
    const qb = this.dataSource
      .getRepository(ServiceProjectEntity)
      .createQueryBuilder('p')
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.limit);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (principal.role === 'provider') qb.andWhere(`p.status <> 'draft'`);
    else if (principal.role === 'evaluator') {
      // The panel table is evaluation's, in this lib: one query keeps the page and count right.
      qb.andWhere(
        'EXISTS (SELECT 1 FROM panel_member m WHERE m.project_id = p.id AND m.evaluator_id = :me)',
        { me: principal.userId },
      );
    } else applyAreaScope(qb, 'p.areaPath', principal);
    return qb.getManyAndCount();
  }

  /** Projects that have been published (whatever became of them since), newest first. */
  listPublished(page: PageQueryDto): Promise<[ServiceProjectEntity[], number]> {
    return this.dataSource
      .getRepository(ServiceProjectEntity)
      .createQueryBuilder('p')
      .where('p.publishedAt IS NOT NULL')
      .orderBy('p.publishedAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(pageOffset(page))
      .take(page.limit)
      .getManyAndCount();
  }

  async insertProject(
    manager: EntityManager,
    project: Partial<ServiceProjectEntity>,
  ): Promise<string> {
    const result = await manager.insert(ServiceProjectEntity, project);
    return result.identifiers[0].id as string;
  }

  async saveProject(manager: EntityManager, project: ServiceProjectEntity): Promise<void> {
    await manager.save(ServiceProjectEntity, project);
  }

  /** Projects still taking bids past their deadline (the sweep behind the delayed jobs). */
  async dueForClosing(now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM service_project WHERE status = 'published' AND closes_at <= $1 ORDER BY closes_at`,
      [now],
    );
    return rows.map((r) => r.id);
  }
}
