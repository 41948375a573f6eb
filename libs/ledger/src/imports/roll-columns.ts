import { headerKey, missingColumnsError } from '@onedoor/households';
import type { ValidationFailedError } from '@onedoor/platform';

/**
 * A roll's columns: canonical names, and the headers accepted for each (Chinese first: the
 * template's; the English names are accepted too). Only the identity number is required:
 * category, title, form and frequency may come from the import's defaults.
 */
export const ROLL_COLUMNS: Record<string, string[]> = {
  id_number: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  name: ['姓名', '救助对象', '救助对象姓名'],
  category: ['救助类别', '类别'],
  title: ['救助项目', '项目', '项目名称'],
  granted_by: ['发放机构', '发放单位', '救助机构'],
  form: ['救助形式', '形式'],
  frequency: ['发放方式', '发放频次'],
  amount_yuan: ['金额（元）', '金额', '发放金额（元）', '发放金额', 'amount'],
  starts_on: ['开始日期', '发放日期', '起始日期', 'start_date'],
  ends_on: ['结束日期', '截止日期', 'end_date'],
  note: ['备注', 'remark'],
};

export type RollColumn = keyof typeof ROLL_COLUMNS;
export const ROLL_REQUIRED_COLUMNS = ['id_number', 'starts_on'];

/** The template's header and how reasons name a column. */
export const rollColumnLabel = (column: string): string => ROLL_COLUMNS[column]?.[0] ?? column;

const ALIASES = new Map<string, string>(
  Object.entries(ROLL_COLUMNS).flatMap(([canonical, headers]) => [
    [canonical, canonical],
    ...headers.map((h) => [headerKey(h), canonical] as [string, string]),
  ]),
);

/** A header row as canonical roll columns; an unknown cell keeps its text, marked. */
export const toRollHeader = (header: string[]): string[] =>
  header.map((h) => {
    const key = headerKey(h);
    return ALIASES.get(key) ?? ALIASES.get(key.toLowerCase()) ?? `unknown:${h}`;
  });

/** The 400 for a roll whose header lacks the identity number or the start date, or null. */
export const missingRollColumnsError = (columns: string[]): ValidationFailedError | null =>
  missingColumnsError(columns, ROLL_REQUIRED_COLUMNS, rollColumnLabel);
