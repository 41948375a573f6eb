import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { applyAreaOverlap, type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import { ProviderEntity } from './provider.entity';
import type { ProviderKind, VerificationStatus } from './resource.types';

/**
 * Who sees a provider: its own users; staff whose scope overlaps its home area (inside or
 * above it); admin. Applied in the query, so an invisible provider reads as missing.
 */
function applyVisibility(qb: SelectQueryBuilder<ProviderEntity>, principal: Principal) {
  if (principal.role === 'provider') {
    return qb.andWhere('p.id = :ownProvider', {
      ownProvider: principal.providerId ?? '00000000-0000-0000-0000-000000000000',
    });
  }
  return applyAreaOverlap(qb, 'home.path', principal);
}

@Injectable()
export class ProvidersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager)
      .getRepository(ProviderEntity)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.homeArea', 'home');
  }

  findVisible(
    id: string,
    principal: Principal,
    manager?: EntityManager,
    lock = false,
  ): Promise<ProviderEntity | null> {
    const qb = applyVisibility(this.query(manager).where('p.id = :id', { id }), principal);
    if (lock) qb.setLock('pessimistic_write', undefined, ['p']);
    return qb.getOne();
  }

  findById(id: string, manager?: EntityManager): Promise<ProviderEntity | null> {
    return this.query(manager).where('p.id = :id', { id }).getOne();
  }

  findByUscc(uscc: string): Promise<ProviderEntity | null> {
    return this.query().where('p.uscc = :uscc', { uscc }).getOne();
  }

  list(
    filter: { kind?: ProviderKind; verification?: VerificationStatus },
    page: PageQueryDto,
    principal: Principal,
  ): Promise<[ProviderEntity[], number]> {
    const qb = this.query();
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.verification)
      qb.andWhere('p.verification = :verification', { verification: filter.verification });
    return applyVisibility(qb, principal)
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(pageOffset(page))
      .take(page.limit)
      .getManyAndCount();
  }

  async insert(provider: Partial<ProviderEntity>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(ProviderEntity).insert(provider);
    return result.identifiers[0].id as string;
  }

  /**
   * Verified social-work organizations whose home area overlaps `areaPath`: at or under it (an
   * organization of a community hears of its district's tender) or above it (a district-wide
   * organization hears of a community's). A tender's notice goes to them.
   */
  async socialWorkOrgsOverlapping(manager: EntityManager, areaPath: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT p.id FROM provider p JOIN area a ON a.id = p.home_area_id
        WHERE p.kind = 'social_work_org' AND p.verification = 'verified'
          AND (a.path LIKE $1 || '%' OR $1 LIKE a.path || '%')
        ORDER BY p.id`,
      [areaPath],
    );
    return rows.map((r) => r.id);
  }

  /** Name and verification of each provider, for other libs' listings (bids). */
  async summaries(
    ids: string[],
    manager?: EntityManager,
  ): Promise<Map<string, Pick<ProviderEntity, 'name' | 'verification'>>> {
    if (!ids.length) return new Map();
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(ProviderEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.name', 'p.verification'])
      .where('p.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((p) => [p.id, { name: p.name, verification: p.verification }]));
  }

  /**
   * Sets the rating procurement computed from completed performance evaluations, in the
   * caller's transaction; answers the stored value.
   */
  async setRating(
    manager: EntityManager,
    providerId: string,
    rating: string | null,
  ): Promise<number | null> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows] = await manager.query(
      `UPDATE provider SET rating = $2, version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING rating::float8 AS rating`,
      [providerId, rating],
    );
    return (rows as Array<{ rating: number | null }>)[0]?.rating ?? null;
  }

  /** Updates when `version` is still current; false when someone got there first. */
  async updateVersioned(
    id: string,
    version: number,
    changes: Partial<ProviderEntity>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ProviderEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
