import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AreaLevel } from '@onedoor/areas';
import { type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';

/** An area as the limits read it, with its own row's limit when it has one. */
export interface AreaLimitRow {
  areaId: string;
  name: string;
  level: AreaLevel;
  path: string;
  /** Fen as text (bigint), or null: no limit. Meaningful only when `hasRow`. */
  maxFen: string | null;
  hasRow: boolean;
  updatedAt: Date | null;
}

// The area tree is read here (its name, level and path) in the limit's one statement: the area
// tree is the scope index every lib reads, and `areas` is below this lib (conventions.md).
const COLUMNS = `a.id AS "areaId", a.name, a.level::text AS level, a.path,
  l.max_fen AS "maxFen", l.area_id IS NOT NULL AS "hasRow", l.updated_at AS "updatedAt"`;
const FROM = `FROM area a LEFT JOIN relief_grant_limit l ON l.area_id = a.id`;

/** The delegated limits per area (`relief_grant_limit`) and the areas they apply to. */
@Injectable()
export class GrantLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofArea(areaId: string, manager?: EntityManager): Promise<AreaLimitRow | null> {
    const rows: AreaLimitRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`,
      [areaId],
    );
    return rows[0] ?? null;
  }

  /** The areas of the caller's subtree (admin: all), in tree order, with their rows. */
  async inScope(
    principal: Principal,
    page: PageQueryDto,
  ): Promise<{ rows: AreaLimitRow[]; total: number }> {
    const scoped = principal.role !== 'admin';
    if (scoped && !principal.areaPath) return { rows: [], total: 0 };
    const where = scoped ? `WHERE a.path LIKE $1` : '';
    const params = scoped ? [`${principal.areaPath}%`] : [];
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM area a ${where}`,
      params,
    );
    const rows: AreaLimitRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} ${where}
        -- Level by level (the path's depth), then by code: administrative codes are
        -- hierarchical, so a street's communities come together. The path itself is made of
        -- ids, which shuffled the list from one database to the next.
        ORDER BY length(a.path) - length(replace(a.path, '/', '')), a.code, a.id
        LIMIT ${page.limit} OFFSET ${pageOffset(page)}`,
      params,
    );
    return { rows, total };
  }

  /** Sets (or replaces) the area's row; null: no limit. */
  async upsert(
    manager: EntityManager,
    areaId: string,
    maxFen: number | null,
    byId: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO relief_grant_limit (area_id, max_fen, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (area_id) DO UPDATE
         SET max_fen = EXCLUDED.max_fen, updated_by_id = EXCLUDED.updated_by_id,
             updated_at = EXCLUDED.updated_at`,
      [areaId, maxFen, byId, at],
    );
  }
}
