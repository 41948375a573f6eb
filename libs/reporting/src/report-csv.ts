import { stringify } from 'csv-stringify/sync';
import {
  type DictionaryGroups,
  fenToYuanText,
  formatBeijingTime,
  type Label,
  type LabelLocale,
  labelOf,
} from '@onedoor/platform';

/** What a CSV is written for: the reader's language, and the labels of the codes it shows. */
export interface CsvContext {
  locale: LabelLocale;
  /** The composed dictionaries' groups (`category`, `urgency`…); a code with none reads as itself. */
  labels: DictionaryGroups;
}

/** A CSV column: the row key it shows, its header in each language, and how a value is written. */
export interface ReportColumn<Row> {
  key: keyof Row & string;
  header: Label;
  format?: (value: NonNullable<Row[keyof Row]>, ctx: CsvContext) => string;
}

/** A report as a table of text: the header in the reader's language, then the rows' cells. */
export interface ReportTable {
  header: string[];
  rows: string[][];
}

/**
 * A report as a file: the download's name (no extension) and the report as a table, which is
 * written as CSV (`toCsv`) or as an Excel workbook (report-xlsx.ts).
 */
export interface CsvLayout<Report> {
  filename: string;
  table: (report: Report, ctx: CsvContext) => ReportTable;
}

export const CHINESE_CSV: CsvContext = { locale: 'zh-CN', labels: {} };

/**
 * Rows as CSV: a header row in the reader's language, CRLF line ends, and a UTF-8 byte-order
 * mark so that spreadsheet programs read Chinese as UTF-8. null is an empty cell; no cell is a
 * formula.
 */
export function toCsv<Row>(
  columns: ReportColumn<Row>[],
  rows: Row[],
  ctx: CsvContext = CHINESE_CSV,
): string {
  return tableToCsv(toTable(columns, rows, ctx));
}

/** Rows as a table of text: each column's header in the reader's language, each cell formatted. */
export function toTable<Row>(
  columns: ReportColumn<Row>[],
  rows: Row[],
  ctx: CsvContext = CHINESE_CSV,
): ReportTable {
  return {
    header: columns.map((c) => c.header[ctx.locale]),
    rows: rows.map((row) =>
      columns.map(({ key, format }) => {
        const value = row[key];
        if (value === null || value === undefined) return '';
        return format ? format(value as NonNullable<Row[keyof Row]>, ctx) : String(value);
      }),
    ),
  };
}

/** A table as CSV (see toCsv). */
export function tableToCsv(table: ReportTable): string {
  return stringify(table.rows, {
    header: true,
    columns: table.header,
    bom: true,
    record_delimiter: 'windows',
    // Titles and names come from outside organizations: a cell starting with = + - @ is
    // quoted with ' so a spreadsheet does not run it as a formula.
    escape_formulas: true,
  });
}

/** A code by its label in the dictionaries' group. */
export const labelCell =
  (group: string) =>
  (value: unknown, ctx: CsvContext): string =>
    labelOf(ctx.labels[group] ?? {}, String(value), ctx.locale);

/** `{ B: 1, A: 2 }` as `A=2;B=1`: one cell, keys sorted (jsonb keeps its own order). */
export const countsCell = (value: unknown) =>
  Object.entries(value as Record<string, number>)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k}=${n}`)
    .join(';');

/** Counts by code, each code by its label: `不符合任何资源的条件=2;…` (sorted by code). */
export const labelledCountsCell =
  (group: string) =>
  (value: unknown, ctx: CsvContext): string =>
    Object.entries(value as Record<string, number>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${labelCell(group)(k, ctx)}=${n}`)
      .join(';');

export const listCell = (value: unknown) => (value as string[]).join(';');

export const labelledListCell =
  (group: string) =>
  (value: unknown, ctx: CsvContext): string =>
    (value as string[]).map((code) => labelCell(group)(code, ctx)).join(';');

/** Integer fen as yuan with two decimals, a plain number a spreadsheet sums: `1234.50`. */
export const yuanCell = (value: unknown) => fenToYuanText(String(value));

/** An instant in Beijing time: `2026-12-02 14:00`. */
export const beijingTimeCell = (value: unknown) => formatBeijingTime(String(value));
