import type { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { PiiCipher } from '@onedoor/platform';
import type { ImportStatus } from './household-import.entity';

/** The columns every background import's row has (household_import, assistance_import). */
export interface ImportJobRow extends ObjectLiteral {
  id: string;
  status: ImportStatus;
  content: Buffer | null;
  errorSheet: Buffer | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
}

/**
 * The job side of a background import's table, shared by the household import and the
 * ledger's roll imports: claiming a queued row, progress, the end of a run (the upload is
 * dropped, the error sheet kept encrypted) and the sweep's stale rows. The uploaded file and the
 * error sheet hold identity numbers: only a store sees them in clear.
 */
export abstract class ImportJobStore<E extends ImportJobRow> {
  protected constructor(
    protected readonly ds: DataSource,
    protected readonly pii: PiiCipher,
    private readonly target: EntityTarget<E>,
  ) {}

  protected get repo(): Repository<E> {
    return this.ds.getRepository(this.target);
  }

  /** Marks a queued import running; null when it was not queued (already run, or running). */
  async claim(id: string, startedAt: Date): Promise<E | null> {
    const res = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt } as never)
      .where('id = :id AND status = :queued', { id, queued: 'queued' })
      .execute();
    if (!res.affected) return null;
    const row = await this.repo
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :id', { id })
      .getOneOrFail();
    if (row.content) (row as ImportJobRow).content = this.pii.decryptBytes(row.content);
    return row;
  }

  async findById(id: string): Promise<E | null> {
    return this.repo.findOneBy({ id } as never);
  }

  async progress(id: string, progress: Partial<E>): Promise<void> {
    await this.repo.update(id, progress as never);
  }

  /** The end of a run; the uploaded file is dropped (the error sheet keeps the refused rows). */
  async finish(
    id: string,
    end: Partial<E> & Pick<E, 'status' | 'finishedAt'> & { errorSheet?: Buffer | null },
  ): Promise<void> {
    const { errorSheet, ...rest } = end;
    await this.repo.update(id, {
      ...rest,
      ...(errorSheet !== undefined && {
        errorSheet: errorSheet && this.pii.encryptBytes(errorSheet),
      }),
      content: null,
    } as never);
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

  /** A stored error sheet in clear, or null. */
  protected openSheet(row: E | null): Buffer | null | undefined {
    if (!row) return undefined;
    return row.errorSheet ? this.pii.decryptBytes(row.errorSheet) : null;
  }
}

/** How far a run is, for a poll: 100 once done, else the rows processed of the rows read. */
export function importProgressPercent(row: {
  status: ImportStatus;
  processedRows: number;
  totalRows: number;
}): number {
  if (row.status === 'done') return 100;
  return row.totalRows > 0 ? Math.floor((row.processedRows * 100) / row.totalRows) : 0;
}

/** The language of a refused row's reason: English only when the caller asks for it first. */
export type ReasonLanguage = 'zh' | 'en';

/** From an Accept-Language header: English only when it comes first. */
export const reasonLanguage = (acceptLanguage: string | undefined): ReasonLanguage =>
  /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh';

/** A queued import whose job has not started within this long is queued again by the sweep. */
export const IMPORT_REQUEUE_AFTER_MS = 2 * 60_000;
