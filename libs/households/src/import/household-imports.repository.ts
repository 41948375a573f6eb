import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { type PageQueryDto, PiiCipher, type Principal, pageOffset } from '@onedoor/platform';
import { HouseholdImportEntity, type ImportFormat } from './household-import.entity';
import { ImportJobStore } from './import-job.store';

/** Counters written as rows go, so that a poll shows the import moving. */
export type ImportProgress = Pick<
  HouseholdImportEntity,
  | 'totalRows'
  | 'processedRows'
  | 'importedRows'
  | 'refusedRows'
  | 'importedHouseholds'
  | 'refusedHouseholds'
>;

/**
 * The uploaded file and the error sheet hold identity numbers and phones: both are stored
 * encrypted (PiiCipher), and only this repository (its job side: ImportJobStore) sees them in
 * clear.
 */
@Injectable()
export class HouseholdImportsRepository extends ImportJobStore<HouseholdImportEntity> {
  constructor(@InjectDataSource() ds: DataSource, pii: PiiCipher) {
    super(ds, pii, HouseholdImportEntity);
  }

  async insert(input: {
    actor: Principal;
    filename: string | null;
    format: ImportFormat;
    encoding: string | null;
    content: Buffer;
  }): Promise<HouseholdImportEntity> {
    const { sessionId: _sid, ...actor } = input.actor;
    const { identifiers } = await this.repo.insert({
      userId: actor.userId,
      areaId: actor.areaId,
      actor,
      filename: input.filename,
      format: input.format,
      encoding: input.encoding,
      content: this.pii.encryptBytes(input.content),
    });
    return this.repo.findOneByOrFail({ id: identifiers[0].id as string });
  }

  /**
   * The import if the caller may see it: its starter, an admin, or staff whose scope holds the
   * starter's area (the path as it was when the file was sent).
   */
  findVisible(id: string, principal: Principal): Promise<HouseholdImportEntity | null> {
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

  /** The caller's own imports, newest first. */
  async listMine(
    userId: string,
    query: PageQueryDto,
  ): Promise<{ rows: HouseholdImportEntity[]; total: number }> {
    const [rows, total] = await this.repo
      .createQueryBuilder('i')
      .where('i.user_id = :userId', { userId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip(pageOffset(query))
      .take(query.limit)
      .getManyAndCount();
    return { rows, total };
  }

  private visible(
    qb: SelectQueryBuilder<HouseholdImportEntity>,
    principal: Principal,
  ): SelectQueryBuilder<HouseholdImportEntity> {
    if (principal.role === 'admin') return qb;
    if (!principal.areaPath) return qb.andWhere('i.user_id = :me', { me: principal.userId });
    // Paths end with '/', so '/a/' never matches '/ab/' (same rule as applyAreaScope).
    return qb.andWhere(`(i.user_id = :me OR i.actor->>'areaPath' LIKE :scopePathPrefix)`, {
      me: principal.userId,
      scopePathPrefix: `${principal.areaPath}%`,
    });
  }
}
