import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type AreaEntity, AreasRepository } from '@onedoor/areas';
import {
  DomainError,
  type FieldError,
  type Principal,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { CreateHouseholdDto } from '../dto/household.dto';
import { HouseholdsService } from '../households.service';
import { canonicalColumn, REQUIRED_COLUMNS, VALUE_ALIASES } from './csv-columns';

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  households: { imported: number; rejected: number };
  rows: { total: number; imported: number; rejected: number };
  errors: ImportRowError[];
}

type Row = Record<string, string>;
interface Group {
  ref: string;
  rows: Array<{ line: number; row: Row }>;
}

const MAX_BYTES = 50 * 1024 * 1024;

/** Request fields back to the CSV columns a user wrote. */
const COLUMN_OF: Record<string, string> = {
  communityId: 'community_code',
  idNumber: 'id_number',
  birthDate: 'birth_date',
  disabilityGrade: 'disability_grade',
  chronicIllness: 'chronic_illness',
  educationStage: 'education_stage',
  monthlyIncomeFen: 'monthly_income_yuan',
  savingsFen: 'savings_yuan',
  medicalExpenseFen: 'medical_expense_yuan',
  educationExpenseFen: 'education_expense_yuan',
};
const csvColumn = (field: string) => COLUMN_OF[field] ?? field;
const yuanToFen = (v: string | undefined) => (v ? Math.round(Number(v) * 100) : undefined);
const alias = (column: string, v: string | undefined) =>
  v === undefined || v === '' ? undefined : (VALUE_ALIASES[column]?.[v] ?? v);

/**
 * Streams a CSV (csv-parse) and imports each household in its own transaction. Rows are
 * grouped by consecutive `household_ref`, so only one household's rows are in memory at a
 * time; a household with any bad row is rejected whole, with every row's errors.
 */
@Injectable()
export class HouseholdImportService {
  private readonly logger = new Logger(HouseholdImportService.name);

  constructor(
    private readonly households: HouseholdsService,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
  ) {}

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
    const parser = input.pipe(
      parse({
        bom: true,
        trim: true,
        skip_empty_lines: true,
        info: true,
        columns: (header: string[]) => {
          const columns = header.map((h) => canonicalColumn(h) ?? `unknown:${h}`);
          const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
          if (missing.length > 0) {
            headerError = new ValidationFailedError(`CSV header lacks ${missing.join(', ')}`, [
              {
                field: 'header',
                constraint: 'importColumnMissing',
                params: { columns: missing },
                message: `missing columns ${missing.join(', ')}`,
              },
            ]);
          }
          return columns;
        },
      }),
    );
    input.on('error', (e) => parser.destroy(e));

    let group: Group | null = null;
    const communities = new Map<string, AreaEntity | null>();
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Row;
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
    group: Group,
    actor: Principal,
    result: ImportResult,
    /** Communities by code, looked up once per import (files hold many households per community). */
    communities: Map<string, AreaEntity | null>,
  ): Promise<void> {
    const errors: ImportRowError[] = [];
    const [first] = group.rows;
    if (!group.ref)
      errors.push({ row: first.line, field: 'household_ref', message: 'is required' });
    const headRows = group.rows.filter((r) =>
      ['self'].includes(alias('relation', r.row.relation) ?? ''),
    );
    if (headRows.length !== 1 || headRows[0] !== first) {
      errors.push({
        row: first.line,
        field: 'relation',
        message: 'the first row of a household must be its only head (self / 户主)',
      });
    }
    const code = first.row.community_code;
    if (code && !communities.has(code)) communities.set(code, await this.areas.findByCode(code));
    const community = code ? communities.get(code)! : null;
    if (!community)
      errors.push({ row: first.line, field: 'community_code', message: 'no such community' });

    const dto = plainToInstance(CreateHouseholdDto, {
      communityId: community?.id ?? '00000000-0000-0000-0000-000000000000',
      residency: alias('residency', first.row.residency),
      phone: first.row.phone || undefined,
      address: first.row.address || undefined,
      tags: first.row.tags
        ? first.row.tags
            .split(/[;；、|]/)
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
      savingsFen: yuanToFen(first.row.savings_yuan),
      vehicles: first.row.vehicles ? Number(first.row.vehicles) : undefined,
      housing: alias('housing', first.row.housing),
      medicalExpenseFen: yuanToFen(first.row.medical_expense_yuan),
      educationExpenseFen: yuanToFen(first.row.education_expense_yuan),
      members: group.rows.map(({ row }) => ({
        name: row.name,
        relation: alias('relation', row.relation),
        idNumber: row.id_number,
        birthDate: row.birth_date || undefined,
        gender: alias('gender', row.gender),
        disabilityGrade: row.disability_grade ? Number(row.disability_grade) : undefined,
        chronicIllness: row.chronic_illness
          ? alias('chronic_illness', row.chronic_illness) === 'true'
          : undefined,
        employment: alias('employment', row.employment),
        educationStage: alias('education_stage', row.education_stage),
        monthlyIncomeFen: yuanToFen(row.monthly_income_yuan),
      })),
    });
    for (const v of await validate(dto, { whitelist: true, forbidNonWhitelisted: true })) {
      errors.push(...this.rowErrors(v.property, v, group));
    }
    if (errors.length === 0) {
      try {
        await this.tx.run((manager) => this.households.registerIn(manager, dto, actor));
      } catch (error) {
        if (!(error instanceof DomainError)) {
          // One household failing for an unexpected reason does not stop the rest: it is
          // reported (without the database's words, which may quote personal data) and logged.
          this.logger.error({ err: error, row: first.line }, 'household import row failed');
          errors.push({
            row: first.line,
            field: 'household',
            message: 'could not be saved; see the server log',
          });
          return this.tally(group, errors, result);
        }
        const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
        const member = /^members\[(\d+)\]\.(\w+)/.exec(details[0]?.field ?? '');
        errors.push({
          row: member ? group.rows[Number(member[1])].line : first.line,
          field: member
            ? csvColumn(member[2])
            : error.code === 'HOUSEHOLD_DUPLICATE'
              ? 'id_number'
              : (details[0]?.field ?? 'household'),
          message: error.message,
        });
      }
    }
    this.tally(group, errors, result);
  }

  private tally(group: Group, errors: ImportRowError[], result: ImportResult): void {
    if (errors.length === 0) {
      result.households.imported += 1;
      result.rows.imported += group.rows.length;
    } else {
      result.households.rejected += 1;
      result.rows.rejected += group.rows.length;
      result.errors.push(...errors);
    }
  }

  /** Class-validator errors mapped back to CSV rows and columns. */
  private rowErrors(
    property: string,
    v: { constraints?: Record<string, string>; children?: unknown[] },
    group: Group,
  ): ImportRowError[] {
    const first = group.rows[0].line;
    if (property !== 'members') {
      return Object.values(v.constraints ?? {}).map((message) => ({
        row: first,
        field: csvColumn(property),
        message,
      }));
    }
    return (
      (v.children ?? []) as Array<{
        property: string;
        children?: Array<{ property: string; constraints?: Record<string, string> }>;
      }>
    ).flatMap((memberError) =>
      (memberError.children ?? []).flatMap((field) =>
        Object.values(field.constraints ?? {}).map((message) => ({
          row: group.rows[Number(memberError.property)].line,
          field: csvColumn(field.property),
          message,
        })),
      ),
    );
  }
}
