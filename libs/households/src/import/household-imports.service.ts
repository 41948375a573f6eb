import { Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  DomainError,
  ImportsQueueProducer,
  type PageQueryDto,
  type Principal,
  ValidationFailedError,
} from '@onedoor/platform';
import type { HouseholdImportDto } from '../dto/household-import.dto';
import { missingColumnsError, toCanonicalHeader } from './csv-columns';
import type { HouseholdImportEntity } from './household-import.entity';
import { HouseholdImportsRepository } from './household-imports.repository';
import {
  IMPORT_REQUEUE_AFTER_MS,
  importProgressPercent,
  type ReasonLanguage,
} from './import-job.store';
import { detectFormat, readImportTable } from './import-file.util';

/**
 * Background household imports, API side: takes the file, checks that it can be read and
 * has the required columns (so that a wrong file is refused at once, not minutes later), keeps
 * it with a queued job for the matcher's `imports` worker, and answers the job's progress and
 * error sheet to those who may follow it.
 */
@Injectable()
export class HouseholdImportsService {
  private readonly logger = new Logger(HouseholdImportsService.name);

  constructor(
    private readonly imports: HouseholdImportsRepository,
    private readonly queue: ImportsQueueProducer,
    private readonly clock: Clock,
  ) {}

  async start(
    content: Buffer,
    filename: string | undefined,
    actor: Principal,
  ): Promise<HouseholdImportDto> {
    const format = detectFormat(content);
    // Read here too (the worker reads it again): a wrong encoding or header is answered now.
    const table = await readImportTable(content, format);
    const headerError = missingColumnsError(toCanonicalHeader(table.header));
    if (headerError) throw headerError;
    if (table.rows.length === 0) {
      throw new ValidationFailedError('The file has no data rows', [
        { field: 'file', constraint: 'importNoRows', message: 'the file has no data rows' },
      ]);
    }
    const row = await this.imports.insert({
      actor,
      filename: filename ?? null,
      format,
      encoding: table.encoding,
      content,
    });
    try {
      await this.queue.runHouseholdImport(row.id);
    } catch (err) {
      // The row is committed and queued: the sweep adds the job once Redis is back.
      this.logger.warn(`household import ${row.id} not queued: ${(err as Error).message}`);
    }
    return toImportDto(row, 'zh');
  }

  async get(id: string, principal: Principal, lang: ReasonLanguage): Promise<HouseholdImportDto> {
    const row = await this.imports.findVisible(id, principal);
    if (!row) throw notFound();
    return toImportDto(row, lang);
  }

  async listMine(
    query: PageQueryDto,
    principal: Principal,
    lang: ReasonLanguage,
  ): Promise<{ items: HouseholdImportDto[]; page: number; limit: number; total: number }> {
    const { rows, total } = await this.imports.listMine(principal.userId, query);
    return {
      items: rows.map((r) => toImportDto(r, lang)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** The error sheet; 404 while there is none (not finished, or nothing refused). */
  async errorSheet(id: string, principal: Principal): Promise<Buffer> {
    const sheet = await this.imports.errorSheet(id, principal);
    if (sheet === undefined) throw notFound();
    if (sheet === null) throw new DomainError('NOT_FOUND', 'This import has no error sheet');
    return sheet;
  }

  /** The sweep behind each job: imports still queued after a while get their job again. */
  async requeueStale(): Promise<{ requeued: number }> {
    const ids = await this.imports.queuedBefore(
      new Date(this.clock.now().getTime() - IMPORT_REQUEUE_AFTER_MS),
    );
    for (const id of ids) await this.queue.requeueHouseholdImport(id);
    return { requeued: ids.length };
  }
}

const notFound = () => new DomainError('HOUSEHOLD_IMPORT_NOT_FOUND', 'Household import not found');

export function toImportDto(row: HouseholdImportEntity, lang: ReasonLanguage): HouseholdImportDto {
  return {
    id: row.id,
    status: row.status,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    refusedRows: row.refusedRows,
    importedHouseholds: row.importedHouseholds,
    refusedHouseholds: row.refusedHouseholds,
    progressPercent: importProgressPercent(row),
    failure: row.failure,
    hasErrorSheet: row.status === 'done' && row.refusedRows > 0,
    refusedSample: (row.refusedSample ?? []).map((r) => ({
      row: r.row,
      reasons: lang === 'en' ? r.reasonsEn : r.reasons,
    })),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
