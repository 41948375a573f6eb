import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { applyAreaOverlap, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { ResourceEntity } from './resource.entity';
import type { ResourceForm, ResourceStatus, ServiceLevel } from './resource.types';

export interface ResourceFilter {
  category?: string;
  form?: ResourceForm;
  level?: ServiceLevel;
  status?: ResourceStatus;
  providerId?: string;
  q?: string;
  /** Ids of the areas whose subtree contains the area asked about (it and its ancestors). */
  coveringAreaIds?: string[];
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Who sees a resource, applied in the query:
 * - a provider's users: their own organization's, in any state;
 * - civil-affairs staff: every state but draft, where the coverage overlaps their scope;
 * - assessors and evaluators: published ones of verified providers whose coverage overlaps their scope;
 * - admin: all.
 */
function applyVisibility(qb: SelectQueryBuilder<ResourceEntity>, principal: Principal) {
  switch (principal.role) {
    case 'admin':
      return qb;
    case 'provider':
      return qb.andWhere('r.provider_id = :ownProvider', {
        ownProvider: principal.providerId ?? NO_ID,
      });
    case 'civil_affairs':
      return applyAreaOverlap(qb.andWhere(`r.status <> 'draft'`), 'cov.path', principal);
    default:
      // A suspended provider's resources stop being offered, without touching their state.
      return applyAreaOverlap(
        qb.andWhere(`r.status = 'published' AND p.verification = 'verified'`),
        'cov.path',
        principal,
      );
  }
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager)
      .getRepository(ResourceEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.provider', 'p')
      .innerJoinAndSelect('r.coverageArea', 'cov')
      .innerJoinAndSelect('r.category', 'cat');
  }

  findVisible(
    id: string,
    principal: Principal,
    manager?: EntityManager,
    lock = false,
  ): Promise<ResourceEntity | null> {
    const qb = applyVisibility(this.query(manager).where('r.id = :id', { id }), principal);
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    return qb.getOne();
  }

  existsByTitle(providerId: string, title: string): Promise<boolean> {
    return this.dataSource.getRepository(ResourceEntity).existsBy({ providerId, title });
  }

  findById(id: string, manager?: EntityManager): Promise<ResourceEntity | null> {
    return this.query(manager).where('r.id = :id', { id }).getOne();
  }

  list(
    filter: ResourceFilter,
    page: PageQueryDto,
    principal: Principal,
  ): Promise<[ResourceEntity[], number]> {
    const qb = this.query();
    if (filter.category) qb.andWhere('r.category_code = :category', { category: filter.category });
    if (filter.form) qb.andWhere('r.form = :form', { form: filter.form });
    if (filter.level) qb.andWhere('r.service_level = :level', { level: filter.level });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.providerId)
      qb.andWhere('r.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.q) {
      qb.andWhere(`(r.title ILIKE :q OR r.description ILIKE :q)`, {
        q: `%${likeEscape(filter.q)}%`,
      });
    }
    // A resource covers an area when its coverage area is that area or an ancestor: the
    // ids on the area's path, looked up through the coverage_area_id index.
    if (filter.coveringAreaIds) {
      if (filter.coveringAreaIds.length === 0) qb.andWhere('1 = 0');
      else
        qb.andWhere('r.coverage_area_id IN (:...covering)', { covering: filter.coveringAreaIds });
    }
    return (
      applyVisibility(qb, principal)
        // Property names, not columns: TypeORM pages joined queries through a subquery.
        .orderBy('r.updatedAt', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .skip(pageOffset(page))
        .take(page.limit)
        .getManyAndCount()
    );
  }

  /**
   * Published resources with provider and coverage, for the HSDS export (public data);
   * `today` is the date in China.
   */
  listPublished(
    page: PageQueryDto,
    today: string,
    filter: Pick<ResourceFilter, 'category' | 'coveringAreaIds'> = {},
  ): Promise<[ResourceEntity[], number]> {
    const qb = this.query()
      .where(`r.status = 'published' AND p.verification = 'verified'`)
      .andWhere(`r.valid_from <= CAST(:today AS date)`, { today });
    if (filter.category) qb.andWhere('r.category_code = :category', { category: filter.category });
    if (filter.coveringAreaIds) {
      if (filter.coveringAreaIds.length === 0) qb.andWhere('1 = 0');
      else
        qb.andWhere('r.coverage_area_id IN (:...covering)', { covering: filter.coveringAreaIds });
    }
    return qb.orderBy('r.id', 'ASC').skip(pageOffset(page)).take(page.limit).getManyAndCount();
  }

  async insert(resource: Partial<ResourceEntity>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(ResourceEntity).insert(resource);
    return result.identifiers[0].id as string;
  }

  async update(
    id: string,
    changes: Partial<ResourceEntity>,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ResourceEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Closes one resource if it is published or paused (a system close: exhausted capacity, a
   * contract that ended); `onlyWhenFull` closes it only once delivered units reach capacity.
   * Returns its former status and coverage path for the audit row, or null if it stayed.
   */
  async closeIfOpen(
    manager: EntityManager,
    id: string,
    reason: string,
    opts: { onlyWhenFull?: boolean } = {},
  ): Promise<{ from: ResourceStatus; path: string } | null> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows]: [Array<{ from: ResourceStatus; path: string }>, number] = await manager.query(
      `WITH before AS (SELECT id, status FROM resource WHERE id = $1)
       UPDATE resource r SET status = 'closed', status_reason = $2, updated_at = now(), version = r.version + 1
         FROM before, area cov
        WHERE r.id = before.id AND cov.id = r.coverage_area_id AND r.status IN ('published', 'paused')
          AND ($3::boolean IS FALSE OR r.delivered >= r.capacity)
       RETURNING before.status AS "from", cov.path`,
      [id, reason, opts.onlyWhenFull ?? false],
    );
    return rows[0] ?? null;
  }

  /**
   * Closes every published or paused resource whose validity ended before `today` (the date
   * in China); returns what it closed, with coverage paths for the audit rows written in the
   * same transaction.
   */
  async expireDue(
    today: string,
    manager: EntityManager,
  ): Promise<Array<{ id: string; status: ResourceStatus; path: string }>> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows]: [Array<{ id: string; status: ResourceStatus; path: string }>, number] =
      await manager.query(
        `WITH due AS (
         SELECT r.id, r.status FROM resource r
          WHERE r.status IN ('published', 'paused') AND r.valid_until < $1::date
          FOR UPDATE
       )
       UPDATE resource r SET status = 'closed', status_reason = 'expired', version = r.version + 1, updated_at = now()
         FROM due, area a
        WHERE r.id = due.id AND a.id = r.coverage_area_id
       RETURNING r.id, due.status, a.path`,
        [today],
      );
    return rows;
  }
}
