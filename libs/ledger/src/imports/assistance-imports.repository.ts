import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { type ImportFormat, ImportJobStore } from '@onedoor/households';
import { type PageQueryDto, PiiCipher, type Principal, pageOffset } from '@onedoor/platform';
import { AssistanceImportEntity, type RollDefaults } from './assistance-import.entity';

/** Counters written as rows go, so that a poll shows the import moving. */
export type RollProgress = Pick<
  AssistanceImportEntity,
  'totalRows' | 'processedRows' | 'importedRows' | 'unmatchedRows' | 'refusedRows' | 'duplicateRows'
>;

/** The roll imports' table; the file and the error sheet are stored encrypted (ImportJobStore). */
@Injectable()
export class AssistanceImportsRepository extends ImportJobStore<AssistanceImportEntity> {
  constructor(@InjectDataSource() ds: DataSource, pii: PiiCipher) {
    super(ds, pii, AssistanceImportEntity);
  }

  /** In the caller's transaction (its audit row beside it). */
  async insert(
    manager: EntityManager,
    input: {
      actor: Principal;
      providerId: string | null;
      grantedBy: string;
      defaults: RollDefaults;
      scopePath: string | null;
      filename: string | null;
      format: ImportFormat;
      encoding: string | null;
      content: Buffer;
    },
  ): Promise<AssistanceImportEntity> {
    const repo = manager.getRepository(AssistanceImportEntity);
    const { sessionId: _sid, ...actor } = input.actor;
    const { identifiers } = await repo.insert({
      ...input,
      userId: actor.userId,
      actor,
      content: this.pii.encryptBytes(input.content),
    });
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }

  findVisible(id: string, principal: Principal): Promise<AssistanceImportEntity | null> {
    return this.visible(this.repo.createQueryBuilder('i'), principal)
      .andWhere('i.id = :id', { id })
      .getOne();
  }

  async errorSheet(id: string, principal: Principal): Promise<Buffer | null | undefined> {
    const row = await this.visible(this.repo.createQueryBuilder('i'), principal)
      .addSelect('i.errorSheet')
      .andWhere('i.id = :id', { id })
      .getOne();
    return this.openSheet(row);
  }

  /** The imports the caller may follow, newest first. */
  async list(
    principal: Principal,
    query: PageQueryDto,
  ): Promise<{ rows: AssistanceImportEntity[]; total: number }> {
    const [rows, total] = await this.visible(this.repo.createQueryBuilder('i'), principal)
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip(pageOffset(query))
      .take(query.limit)
      .getManyAndCount();
    return { rows, total };
  }

  /**
   * Who may follow an import: its starter, an admin, the starter's organization (a provider's
   * roll), or civil-affairs staff whose scope holds the import's scope (paths end with '/', so
   * '/a/' never matches '/ab/').
   */
  private visible(
    qb: SelectQueryBuilder<AssistanceImportEntity>,
    principal: Principal,
  ): SelectQueryBuilder<AssistanceImportEntity> {
    if (principal.role === 'admin') return qb;
    if (principal.role === 'provider' && principal.providerId) {
      return qb.andWhere('(i.user_id = :me OR i.provider_id = :org)', {
        me: principal.userId,
        org: principal.providerId,
      });
    }
    if (principal.role !== 'civil_affairs' || !principal.areaPath) {
      return qb.andWhere('i.user_id = :me', { me: principal.userId });
    }
    return qb.andWhere('(i.user_id = :me OR i.scope_path LIKE :scopePathPrefix)', {
      me: principal.userId,
      scopePathPrefix: `${principal.areaPath}%`,
    });
  }
}
