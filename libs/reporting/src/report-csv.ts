import { stringify } from 'csv-stringify/sync';

/** A CSV column: the row key it shows, and how a non-scalar value is written. */
export interface ReportColumn<Row> {
  key: keyof Row & string;
  format?: (value: Row[keyof Row]) => string;
}

/** A report as a CSV file: the download's name (no extension) and the report's rows as CSV. */
export interface CsvLayout<Report> {
  filename: string;
  toCsv: (report: Report) => string;
}

/**
 * Rows as CSV: a header row of the keys, CRLF line ends, and a UTF-8 byte-order mark so that
 * spreadsheet programs read Chinese names as UTF-8. null is an empty cell; no cell is a formula.
 */
export function toCsv<Row>(columns: ReportColumn<Row>[], rows: Row[]): string {
  return stringify(
    rows.map((row) =>
      columns.map(({ key, format }) => {
        const value = row[key];
        if (value === null || value === undefined) return '';
        return format ? format(value) : String(value);
      }),
    ),
    {
      header: true,
      columns: columns.map((c) => c.key),
      bom: true,
      record_delimiter: 'windows',
      // Titles and names come from outside organizations: a cell starting with = + - @ is
      // quoted with ' so a spreadsheet does not run it as a formula.
      escape_formulas: true,
    },
  );
}

/** `{ B: 1, A: 2 }` as `A=2;B=1`: one cell, keys sorted (jsonb keeps its own order). */
export const countsCell = (value: unknown) =>
  Object.entries(value as Record<string, number>)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k}=${n}`)
    .join(';');

export const listCell = (value: unknown) => (value as string[]).join(';');
