import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { AreaEntity } from '@onedoor/areas';
import { DomainError, type Principal } from '@onedoor/platform';
import { missingColumnsError, toCanonicalHeader } from './csv-columns';
import { csvDecoder } from './import-file.util';
import {
  type ImportGroup,
  type ImportRow,
  type ImportRowError,
  HouseholdRowImporter,
} from './household-row-importer';

export type { ImportRowError } from './household-row-importer';

export interface ImportResult {
  households: { imported: number; rejected: number };
  rows: { total: number; imported: number; rejected: number };
  errors: ImportRowError[];
}

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Streams a CSV (csv-parse; UTF-8, or GBK/GB18030 decoded as it streams) and imports each household in its own transaction. Rows are
 * grouped by consecutive `household_ref`, so only one household's rows are in memory at a
 * time; a household with any bad row is rejected whole, with every row's errors.
 */
@Injectable()
export class HouseholdImportService {
  constructor(private readonly importer: HouseholdRowImporter) {}

  async import(input: Readable, actor: Principal): Promise<ImportResult> {
    const result: ImportResult = {
      households: { imported: 0, rejected: 0 },
      rows: { total: 0, imported: 0, rejected: 0 },
      errors: [],
    };
    let bytes = 0;
    input.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_BYTES)
        input.destroy(new DomainError('IMPORT_TOO_LARGE', `CSV larger than ${MAX_BYTES} bytes`));
    });
    let headerError: DomainError | null = null;
    // GBK/GB18030 (Chinese Excel's CSV) is decoded on the way; UTF-8 passes through.
    const parser = input.pipe(csvDecoder()).pipe(
      parse({
        bom: true,
        trim: true,
        skip_empty_lines: true,
        info: true,
        columns: (header: string[]) => {
          const columns = toCanonicalHeader(header);
          headerError = missingColumnsError(columns);
          return columns;
        },
      }),
    );
    input.on('error', (e) => parser.destroy(e));

    let group: ImportGroup | null = null;
    const communities = new Map<string, AreaEntity | null>();
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: ImportRow;
        info: { lines: number };
      }>) {
        if (headerError) throw headerError;
        result.rows.total += 1;
        const ref = record.household_ref ?? '';
        if (group && group.ref !== ref) {
          await this.importGroup(group, actor, result, communities);
          group = null;
        }
        group ??= { ref, rows: [] };
        group.rows.push({ line: info.lines, row: record });
      }
      if (headerError) throw headerError;
      if (group) await this.importGroup(group, actor, result, communities);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Every csv-parse error is a CsvError (not every code starts with CSV_: INVALID_OPENING_QUOTE).
      // Its message quotes the field it stopped at ("value is …"), which can be an identity
      // number: say what and where, never the value.
      if (error instanceof CsvError) {
        const what = error.code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, ' ');
        const line = (error as { lines?: number }).lines;
        throw new DomainError(
          'VALIDATION_FAILED',
          `Malformed CSV${line ? ` at line ${line}` : ''}: ${what}`,
        );
      }
      throw error;
    }
    return result;
  }

  private async importGroup(
    group: ImportGroup,
    actor: Principal,
    result: ImportResult,
    communities: Map<string, AreaEntity | null>,
  ): Promise<void> {
    const errors = await this.importer.importGroup(group, actor, communities);
    if (errors.length === 0) {
      result.households.imported += 1;
      result.rows.imported += group.rows.length;
    } else {
      result.households.rejected += 1;
      result.rows.rejected += group.rows.length;
      result.errors.push(...errors);
    }
  }
}
