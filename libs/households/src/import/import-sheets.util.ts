import ExcelJS from 'exceljs';
import { idCheckCharacter } from '../id-number.util';
import { acceptedLabels, columnLabel, CSV_COLUMNS, REQUIRED_COLUMNS } from './csv-columns';

/** The error sheet's reason column (and the name the tests look it up by). */
export const REASON_HEADER = '错误原因';
export const ROW_HEADER = '行号';

/** A refused row of the file: its line, its cells as read, and its reasons in Chinese. */
export interface RefusedRow {
  line: number;
  cells: string[];
  reasons: string[];
  /** The same in English, for the status answer under Accept-Language: en. */
  reasonsEn?: string[];
}

/**
 * The error sheet: 行号, then every original column as the user wrote it, then 错误原因 with the
 * reasons joined by '；'. Cells are written as text (an identity number must not become a
 * number and lose its last digits), so the user can fix the rows and send this sheet back once
 * the two added columns are removed.
 */
export async function buildErrorSheet(header: string[], rows: RefusedRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误行');
  sheet.addRow([ROW_HEADER, ...header, REASON_HEADER]).font = { bold: true };
  for (const r of rows) {
    const cells = header.map((_, i) => r.cells[i] ?? '');
    sheet.addRow([r.line, ...cells, r.reasons.join('；')]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === header.length + 1 ? 60 : 16;
    if (i > 0 && i <= header.length) c.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXAMPLE_ID_FIRST17 = '11010519800615001';

/** What the template's hint row says under each column. */
const HINTS: Record<string, string> = {
  household_ref: '同一户的成员填相同编号，连续排列；第一行为户主',
  community_code: '填写社区编码（须在您的辖区内）',
  savings_yuan: '单位：元',
  medical_expense_yuan: '单位：元/月',
  education_expense_yuan: '单位：元/月',
  monthly_income_yuan: '单位：元/月',
  tags: '多个标签用、或；分隔',
  id_number: '18位，末位可为X；请设为文本格式',
  birth_date: 'YYYY-MM-DD，可留空（按身份证号）',
  gender: '男/女，可留空（按身份证号）',
  disability_grade: '0–4，无残疾填0或留空',
  vehicles: '整数',
};

const hintOf = (column: string): string => {
  const parts = [REQUIRED_COLUMNS.includes(column) ? '必填' : '选填'];
  const accepted = acceptedLabels(column);
  if (accepted.length > 0) parts.push(`可填：${accepted.join('、')}`);
  if (HINTS[column]) parts.push(HINTS[column]);
  return parts.join('；');
};

/** One example household of one person, in the template's Chinese labels. */
const EXAMPLE: Record<string, string> = {
  household_ref: 'H001',
  community_code: '（社区编码）',
  residency: '本地',
  phone: '13800000000',
  address: '幸福路1号',
  tags: '',
  savings_yuan: '0',
  vehicles: '0',
  housing: '自有',
  medical_expense_yuan: '200',
  education_expense_yuan: '0',
  name: '张三',
  relation: '户主',
  id_number: EXAMPLE_ID_FIRST17 + idCheckCharacter(EXAMPLE_ID_FIRST17),
  gender: '男',
  birth_date: '1980-06-15',
  disability_grade: '0',
  chronic_illness: '否',
  employment: '失业',
  education_stage: '',
  monthly_income_yuan: '800',
};

const COLUMNS = Object.keys(CSV_COLUMNS);

/** Header, hint row (first cell starting with '#', which the import skips) and example row. */
export function templateRows(): string[][] {
  const hints = COLUMNS.map(hintOf);
  hints[0] = `#说明（导入时跳过此行）：${hints[0]}`;
  return [COLUMNS.map(columnLabel), hints, COLUMNS.map((c) => EXAMPLE[c] ?? '')];
}

/** The import template as xlsx: the rows above, text cells, and each hint also as a note. */
export async function templateXlsx(): Promise<Buffer> {
  const [header, hints, example] = templateRows();
  return templateWorkbook('户籍导入', header, hints, example, COLUMNS.map(hintOf));
}

/**
 * An import template as xlsx (this one and the ledger's rolls): bold header, grey hint row
 * (its first cell starts with '#', which the import skips), the example row, text cells (an
 * identity number must not become a number), and each column's hint as the header's note.
 */
export async function templateWorkbook(
  sheetName: string,
  header: string[],
  hints: string[],
  example: string[],
  notes: string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  sheet.addRow(hints).font = { italic: true, color: { argb: 'FF888888' } };
  sheet.addRow(example);
  header.forEach((_, i) => {
    sheet.getRow(1).getCell(i + 1).note = notes[i];
    sheet.getColumn(i + 1).width = 16;
    sheet.getColumn(i + 1).numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The import template as CSV, UTF-8 with a BOM so that Excel opens it in the right encoding. */
export function templateCsv(): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = templateRows()
    .map((r) => r.map(quote).join(','))
    .join('\r\n');
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}
