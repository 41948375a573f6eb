import { type Readable, Transform } from 'node:stream';
import chardet from 'chardet';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError, ValidationFailedError } from '@onedoor/platform';
import type { ImportFormat } from './household-import.entity';

/** The upload limit of the background import (the whole file is kept with its job). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Windows with Excel installed names a .csv file so when a browser uploads it. */
export const MS_EXCEL_MIME = 'application/vnd.ms-excel';

/** A data row of the file: its line (CSV) or row number (xlsx), and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface ImportTable {
  header: string[];
  rows: TableRow[];
  /** What a CSV was decoded as; null for xlsx. */
  encoding: string | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The old binary Excel format (.xls, OLE2): not read, the user is asked to save as xlsx. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Encodings chardet may name that are worth trusting; anything else non-UTF-8 is read as GB18030. */
const TRUSTED_DETECTIONS = new Set(['GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE']);

/**
 * xlsx or CSV by the bytes themselves (an xlsx is a zip), not the Content-Type: browsers on
 * Windows send a .csv as application/vnd.ms-excel, and curl users send anything.
 */
export function detectFormat(content: Buffer): ImportFormat {
  if (content.subarray(0, 4).equals(OLE2_MAGIC)) {
    throw new ValidationFailedError('Old .xls files are not read: save the sheet as .xlsx or CSV', [
      { field: 'file', constraint: 'importFileFormat', message: 'save the sheet as .xlsx or CSV' },
    ]);
  }
  return content.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * The encoding of CSV bytes (the whole file, or its first chunk): UTF-8 when they are valid
 * UTF-8 (with or without BOM); otherwise what chardet says if it is a Chinese or UTF-16
 * encoding, else GB18030 (a superset of GBK and GB2312, which is what Chinese Excel saves "CSV"
 * in).
 */
export function sniffEncoding(head: Buffer): string {
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  try {
    // `stream`: a first chunk may end inside a character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // not UTF-8: detect
  }
  const detected = chardet.detect(head);
  return detected && TRUSTED_DETECTIONS.has(detected) && iconv.encodingExists(detected)
    ? detected.toLowerCase()
    : 'gb18030';
}

/** CSV bytes to text, in the encoding {@link sniffEncoding} finds; a BOM is dropped. */
export function decodeCsv(content: Buffer): { text: string; encoding: string } {
  const encoding = sniffEncoding(content);
  const text = encoding === 'utf-8' ? content.toString('utf8') : iconv.decode(content, encoding);
  return { text: text.replace(/^\ufeff/, ''), encoding };
}

/**
 * For a streamed CSV: passes UTF-8 through, and decodes anything else to UTF-8 (the encoding
 * sniffed from the first chunk; iconv's decoder keeps a character split across chunks whole).
 */
export function csvDecoder(): Transform {
  let decode: ((chunk: Buffer) => Buffer | string) | null = null;
  let end = (): string | undefined => undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!decode) {
        const encoding = sniffEncoding(chunk);
        if (encoding === 'utf-8') {
          decode = (c) => c;
        } else {
          const decoder = iconv.getDecoder(encoding);
          decode = (c) => decoder.write(c);
          end = () => decoder.end();
        }
      }
      done(null, decode(chunk));
    },
    flush(done) {
      const rest = end();
      if (rest) this.push(rest);
      done();
    },
  });
}

/** Parses an upload into a header and data rows, whatever its format and encoding. */
export async function readImportTable(content: Buffer, format: ImportFormat): Promise<ImportTable> {
  const table = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  // The template's hint row (and any row a user comments out) starts with '#'.
  table.rows = table.rows.filter(
    (r) => !r.cells[0]?.startsWith('#') && r.cells.some((c) => c !== ''),
  );
  return table;
}

function readCsv(content: Buffer): ImportTable {
  const { text, encoding } = decodeCsv(content);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    // Its message quotes the field it stopped at, which can be an identity number.
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
  const [head, ...rest] = records;
  return {
    header: head?.record ?? [],
    rows: rest.map(({ record, info }) => ({ line: info.lines, cells: record })),
    encoding,
  };
}

async function readXlsx(content: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailedError('The file is not a readable xlsx workbook', [
      { field: 'file', constraint: 'importUnreadable', message: 'not a readable xlsx workbook' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [], encoding: null };
  const width = sheet.columnCount;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    rows.push({ line: number, cells });
  });
  const [head, ...rest] = rows;
  return { header: head?.cells ?? [], rows: rest, encoding: null };
}

/** A cell's value as the text a user typed (dates as YYYY-MM-DD, formulas by their result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return '';
}

/** Reads a request body up to `limit` bytes; past it, drains the rest and answers 413. */
export async function readBodyLimited(body: Readable, limit = IMPORT_MAX_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    // Past the limit the rest is read and dropped rather than the socket cut, so that the
    // client gets the 413 answer instead of a reset.
    if (bytes <= limit) chunks.push(buf);
  }
  if (bytes > limit) {
    throw new DomainError(
      'IMPORT_TOO_LARGE',
      `The file is larger than ${limit / 1024 / 1024} MB (文件超过 ${limit / 1024 / 1024} MB)`,
    );
  }
  return Buffer.concat(chunks);
}
