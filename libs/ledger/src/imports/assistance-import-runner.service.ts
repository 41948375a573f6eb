import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  buildErrorSheet,
  PROGRESS_EVERY_ROWS,
  readImportTable,
  REFUSED_SAMPLE_SIZE,
  type RefusedRow,
  type TableRow,
} from '@onedoor/households';
import { Clock, DomainError } from '@onedoor/platform';
import { CategoryEntity } from '@onedoor/resources';
import type { AssistanceImportEntity } from './assistance-import.entity';
import { AssistanceImportsRepository, type RollProgress } from './assistance-imports.repository';
import { type LinedRollRow, REASON_UNMATCHED, RollBatchWriter } from './roll-batch.writer';
import { missingRollColumnsError, toRollHeader } from './roll-columns';
import { isRowProblem, readRollRow, type RollContext } from './roll-row';

/** Rows per transaction: a batch's entries and its audit rows commit together. */
export const ROLL_BATCH_ROWS = 200;

/**
 * Runs one roll import in the matcher's imports worker: reads the stored file, checks each row,
 * writes the good ones to the ledger batch by batch (RollBatchWriter), keeps progress, and ends
 * with the error sheet of the rows not imported (unmatched and refused, with their reasons).
 */
@Injectable()
export class AssistanceImportRunner {
  private readonly logger = new Logger(AssistanceImportRunner.name);

  constructor(
    private readonly imports: AssistanceImportsRepository,
    private readonly writer: RollBatchWriter,
    private readonly clock: Clock,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async run(importId: string): Promise<{ status: string }> {
    const job = await this.imports.claim(importId, this.clock.now());
    if (!job) {
      // Not queued: done already (a duplicate job), or a run that died half-way: its batches
      // are committed, so it ends as failed rather than run twice (the skipped duplicates
      // would hide nothing, but the counters would lie).
      const current = await this.imports.findById(importId);
      if (current?.status !== 'running') return { status: current?.status ?? 'missing' };
      await this.imports.finish(importId, {
        status: 'failed',
        failure: 'The import was interrupted; the rows counted as imported were saved',
        finishedAt: this.clock.now(),
      });
      return { status: 'failed' };
    }
    try {
      return await this.runClaimed(job);
    } catch (error) {
      this.logger.error({ err: error, importId }, 'assistance import failed');
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

  private async runClaimed(job: AssistanceImportEntity): Promise<{ status: string }> {
    const table = await readImportTable(job.content ?? Buffer.alloc(0), job.format);
    const columns = toRollHeader(table.header);
    const headerError = missingRollColumnsError(columns);
    if (headerError) throw headerError;
    const context: RollContext = {
      defaults: job.defaults,
      grantedBy: job.grantedBy,
      rowGrantedBy: job.actor.role !== 'provider',
      categories: await this.categories(),
    };
    const counts: RollProgress = {
      totalRows: table.rows.length,
      processedRows: 0,
      importedRows: 0,
      unmatchedRows: 0,
      refusedRows: 0,
      duplicateRows: 0,
    };
    await this.imports.progress(job.id, { ...counts });
    const refused: RefusedRow[] = [];
    const refuse = (source: TableRow, reason: string, reasonEn: string) =>
      refused.push({
        line: source.line,
        cells: source.cells,
        reasons: [reason],
        reasonsEn: [reasonEn],
      });
    let written = 0;
    for (let at = 0; at < table.rows.length; at += ROLL_BATCH_ROWS) {
      const sources = table.rows.slice(at, at + ROLL_BATCH_ROWS);
      const good: LinedRollRow[] = [];
      const byLine = new Map<number, TableRow>();
      for (const source of sources) {
        const cells = Object.fromEntries(columns.map((c, i) => [c, source.cells[i] ?? '']));
        const read = readRollRow(cells, context);
        if (isRowProblem(read)) {
          counts.refusedRows += 1;
          refused.push({ line: source.line, cells: source.cells, ...read });
        } else {
          good.push({ line: source.line, row: read });
          byLine.set(source.line, source);
        }
      }
      for (const o of await this.writer.write(job, good)) {
        if (o.outcome === 'imported') counts.importedRows += 1;
        else if (o.outcome === 'duplicate') counts.duplicateRows += 1;
        else if (o.outcome === 'unmatched') {
          counts.unmatchedRows += 1;
          refuse(byLine.get(o.line)!, REASON_UNMATCHED, 'id_number: no registered household');
        } else if (o.outcome === 'refused') {
          counts.refusedRows += 1;
          refuse(byLine.get(o.line)!, o.reason, o.reasonEn);
        }
      }
      counts.processedRows += sources.length;
      if (counts.processedRows - written >= PROGRESS_EVERY_ROWS) {
        await this.imports.progress(job.id, { ...counts });
        written = counts.processedRows;
      }
    }
    // The sheet in the file's order (a batch's unmatched rows are known after its bad ones).
    refused.sort((a, b) => a.line - b.line);
    await this.imports.finish(job.id, {
      ...counts,
      status: 'done',
      refusedSample: refused.slice(0, REFUSED_SAMPLE_SIZE).map((r) => ({
        row: r.line,
        reasons: r.reasons,
        reasonsEn: r.reasonsEn ?? [],
      })),
      errorSheet: refused.length > 0 ? await buildErrorSheet(table.header, refused) : null,
      finishedAt: this.clock.now(),
    });
    return { status: 'done' };
  }

  /** Categories by code, Chinese name and English name (lower case). */
  private async categories(): Promise<RollContext['categories']> {
    const all = await this.ds.getRepository(CategoryEntity).find();
    const map = new Map<string, { code: string; nameZh: string }>();
    for (const c of all) {
      const value = { code: c.code, nameZh: c.nameZh };
      for (const key of [c.code, c.nameZh, c.nameEn.toLowerCase()]) map.set(key, value);
    }
    return map;
  }
}
