import { Injectable, Logger } from '@nestjs/common';
import type { AreaEntity } from '@onedoor/areas';
import { Clock, DomainError, type Principal } from '@onedoor/platform';
import { missingColumnsError, toCanonicalHeader } from './csv-columns';
import type { HouseholdImportEntity, RefusedRowSample } from './household-import.entity';
import { type ImportProgress, HouseholdImportsRepository } from './household-imports.repository';
import { type ImportGroup, HouseholdRowImporter } from './household-row-importer';
import { readImportTable, type TableRow } from './import-file.util';
import { REASONS } from './import-reasons';
import { buildErrorSheet, type RefusedRow } from './import-sheets.util';

/** Counters are written at least this often (rows), so that a poll shows the import moving. */
export const PROGRESS_EVERY_ROWS = 20;
/** Refused rows kept on the import row for its status answer (all are in the error sheet). */
export const REFUSED_SAMPLE_SIZE = 20;

/**
 * Runs one background import in the worker: reads the stored file, imports household by
 * household (each in its own transaction, through the same rules as a registration) under the
 * starter's scope, writes progress as it goes, and ends with the error sheet of refused rows.
 */
@Injectable()
export class HouseholdImportRunner {
  private readonly logger = new Logger(HouseholdImportRunner.name);

  constructor(
    private readonly imports: HouseholdImportsRepository,
    private readonly importer: HouseholdRowImporter,
    private readonly clock: Clock,
  ) {}

  async run(importId: string): Promise<{ status: string }> {
    const job = await this.imports.claim(importId, this.clock.now());
    if (!job) return this.refuseRerun(importId);
    try {
      return await this.runClaimed(job);
    } catch (error) {
      this.logger.error({ err: error, importId }, 'household import failed');
      // A domain error's message is written for users; anything else may quote the database.
      const failure = error instanceof DomainError ? error.message : 'unexpected error';
      await this.imports.finish(importId, {
        status: 'failed',
        failure,
        finishedAt: this.clock.now(),
      });
      return { status: 'failed' };
    }
  }

  /**
   * A job for an import that is not queued: done already (a duplicate job), or running, which
   * means a run died half-way (the worker stopped) and BullMQ handed the job out again. Running
   * it again would refuse the households already saved as duplicates, so it ends as failed.
   */
  private async refuseRerun(importId: string): Promise<{ status: string }> {
    const current = await this.imports.findById(importId);
    if (current?.status !== 'running') return { status: current?.status ?? 'missing' };
    await this.imports.finish(importId, {
      status: 'failed',
      failure: 'The import was interrupted; the rows counted as imported were saved',
      finishedAt: this.clock.now(),
    });
    return { status: 'failed' };
  }

  private async runClaimed(job: HouseholdImportEntity): Promise<{ status: string }> {
    const table = await readImportTable(job.content ?? Buffer.alloc(0), job.format);
    const columns = toCanonicalHeader(table.header);
    const headerError = missingColumnsError(columns);
    if (headerError) throw headerError;

    const actor = job.actor as Principal;
    const counts: ImportProgress = {
      totalRows: table.rows.length,
      processedRows: 0,
      importedRows: 0,
      refusedRows: 0,
      importedHouseholds: 0,
      refusedHouseholds: 0,
    };
    await this.imports.progress(job.id, { ...counts });
    const refused: RefusedRow[] = [];
    const communities = new Map<string, AreaEntity | null>();
    let written = 0;
    for (const { group, source } of groups(table.rows, columns)) {
      const errors = await this.importer.importGroup(group, actor, communities);
      counts.processedRows += group.rows.length;
      if (errors.length === 0) {
        counts.importedRows += group.rows.length;
        counts.importedHouseholds += 1;
      } else {
        counts.refusedRows += group.rows.length;
        counts.refusedHouseholds += 1;
        for (const row of source) {
          const own = errors.filter((e) => e.row === row.line);
          refused.push({
            line: row.line,
            cells: row.cells,
            reasons: unique(own.length > 0 ? own.map((e) => e.reason) : [REASONS.sibling]),
            reasonsEn: unique(
              own.length > 0
                ? own.map((e) => `${e.field}: ${e.message}`)
                : ['another row of this household was refused'],
            ),
          });
        }
      }
      if (counts.processedRows - written >= PROGRESS_EVERY_ROWS) {
        await this.imports.progress(job.id, { ...counts });
        written = counts.processedRows;
      }
    }
    const sample: RefusedRowSample[] = refused.slice(0, REFUSED_SAMPLE_SIZE).map((r) => ({
      row: r.line,
      reasons: r.reasons,
      reasonsEn: r.reasonsEn ?? [],
    }));
    await this.imports.finish(job.id, {
      ...counts,
      status: 'done',
      refusedSample: sample,
      errorSheet: refused.length > 0 ? await buildErrorSheet(table.header, refused) : null,
      finishedAt: this.clock.now(),
    });
    return { status: 'done' };
  }
}

const unique = (items: string[]) => [...new Set(items)];

/** Consecutive rows with the same household_ref, as import groups and as the file's cells. */
function* groups(
  rows: TableRow[],
  columns: string[],
): Generator<{ group: ImportGroup; source: TableRow[] }> {
  let current: { group: ImportGroup; source: TableRow[] } | null = null;
  for (const source of rows) {
    const row = Object.fromEntries(columns.map((c, i) => [c, source.cells[i] ?? '']));
    const ref = row.household_ref ?? '';
    if (current && current.group.ref !== ref) {
      yield current;
      current = null;
    }
    current ??= { group: { ref, rows: [] }, source: [] };
    current.group.rows.push({ line: source.line, row });
    current.source.push(source);
  }
  if (current) yield current;
}
