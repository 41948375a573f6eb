import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { type PageQueryDto, PiiCipher, type Principal, pageOffset } from '@onedoor/platform';
import { HouseholdImportEntity, type ImportFormat } from './household-import.entity';

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
 * encrypted (PiiCipher), and only this repository sees them in clear.
 */
@Injectable()
export class HouseholdImportsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  private get repo() {
    return this.ds.getRepository(HouseholdImportEntity);
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
    if (!row) return undefined;
    return row.errorSheet ? this.pii.decryptBytes(row.errorSheet) : null;
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

  /** Marks a queued import running; null when it was not queued (already run, or running). */
  async claim(id: string, startedAt: Date): Promise<HouseholdImportEntity | null> {
    const res = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt })
      .where('id = :id AND status = :queued', { id, queued: 'queued' })
      .execute();
    if (!res.affected) return null;
    const row = await this.repo
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :id', { id })
      .getOneOrFail();
    if (row.content) row.content = this.pii.decryptBytes(row.content);
    return row;
  }

  async findById(id: string): Promise<HouseholdImportEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async progress(id: string, progress: Partial<ImportProgress>): Promise<void> {
    await this.repo.update({ id }, progress);
  }

  /** The end of a run; the uploaded file is dropped (the error sheet keeps the refused rows). */
  async finish(
    id: string,
    end: Partial<ImportProgress> &
      Pick<HouseholdImportEntity, 'status' | 'finishedAt'> &
      Partial<Pick<HouseholdImportEntity, 'refusedSample' | 'errorSheet' | 'failure'>>,
  ): Promise<void> {
    const { errorSheet, ...rest } = end;
    await this.repo.update(
      { id },
      {
        ...rest,
        ...(errorSheet !== undefined && {
          errorSheet: errorSheet && this.pii.encryptBytes(errorSheet),
        }),
        content: null,
      },
    );
  }

  /** Imports still queued since before `before`: their job may have been lost with Redis. */
  async queuedBefore(before: Date): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where('i.status = :queued AND i.created_at < :before', { queued: 'queued', before })
      .orderBy('i.created_at')
      .limit(1_000)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
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
