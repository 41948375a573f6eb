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
