import { ValidationFailedError } from '@onedoor/platform';

/**
 * CSV import columns: canonical English names, and the Chinese headers accepted for each.
 * One row per member; consecutive rows with the same household_ref form one household,
 * whose first row is the head (relation self / 户主) and carries the household fields.
 */
export const CSV_COLUMNS: Record<string, string[]> = {
  household_ref: ['户编号', '家庭编号'],
  community_code: ['所属社区编码', '所属社区', '社区编码'],
  residency: ['户籍', '户籍类型'],
  phone: ['联系电话', '手机号', '电话'],
  address: ['地址', '家庭住址', '住址'],
  tags: ['标签'],
  savings_yuan: ['存款(元)', '存款'],
  vehicles: ['车辆数'],
  housing: ['住房', '住房情况'],
  medical_expense_yuan: ['月医疗支出(元)', '月医疗支出'],
  education_expense_yuan: ['月教育支出(元)', '月教育支出'],
  name: ['姓名', '成员姓名', '户主姓名'],
  relation: ['与户主关系'],
  id_number: ['身份证号', '身份证号码', '公民身份号码'],
  gender: ['性别'],
  birth_date: ['出生日期'],
  disability_grade: ['残疾等级'],
  chronic_illness: ['慢性病', '是否患慢性病'],
  employment: ['就业状况'],
  education_stage: ['教育阶段'],
  monthly_income_yuan: ['月收入(元)', '月收入'],
};

/** The Chinese header of a column: the template's, and how reasons name it. */
export const columnLabel = (column: string): string => CSV_COLUMNS[column]?.[0] ?? column;

export const REQUIRED_COLUMNS = [
  'household_ref',
  'community_code',
  'residency',
  'name',
  'relation',
  'id_number',
  'employment',
];

const ALIASES = new Map<string, string>(
  Object.entries(CSV_COLUMNS).flatMap(([canonical, zh]) => [
    [canonical, canonical],
    ...zh.map((z) => [z, canonical] as [string, string]),
  ]),
);

/**
 * A header cell as the alias tables spell it: full-width brackets, spaces and a trailing
 * "required" star folded (the roll import's columns read the same way).
 */
export const headerKey = (header: string): string =>
  header.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').replace(/\*$/, '');

/** The canonical column for a header cell (full-width brackets, spaces and case folded). */
export function canonicalColumn(header: string): string | undefined {
  const h = headerKey(header);
  return ALIASES.get(h) ?? ALIASES.get(h.toLowerCase());
}

/** A header row as canonical columns; an unknown cell keeps its text, marked. */
export const toCanonicalHeader = (header: string[]): string[] =>
  header.map((h) => canonicalColumn(h) ?? `unknown:${h}`);

/**
 * The error for a header that lacks required columns, or null. Another import (the ledger's
 * rolls) passes its own required columns and labels.
 */
export function missingColumnsError(
  columns: string[],
  required: readonly string[] = REQUIRED_COLUMNS,
  label: (column: string) => string = columnLabel,
): ValidationFailedError | null {
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length === 0) return null;
  return new ValidationFailedError(`The header lacks ${missing.join(', ')}`, [
    {
      field: 'header',
      constraint: 'importColumnMissing',
      params: { columns: missing.map(label).join('、') },
      message: `missing columns ${missing.join(', ')}`,
    },
  ]);
}

/** Chinese values accepted beside the API's codes (the first per code is the template's). */
export const VALUE_ALIASES: Record<string, Record<string, string>> = {
  residency: { 本地: 'local', 非本地: 'non_local', 外地: 'non_local' },
  relation: {
    户主: 'self',
    本人: 'self',
    配偶: 'spouse',
    子女: 'child',
    儿子: 'child',
    女儿: 'child',
    父母: 'parent',
    父亲: 'parent',
    母亲: 'parent',
    孙子女: 'grandchild',
    祖父母: 'grandparent',
    兄弟姐妹: 'sibling',
    其他: 'other',
  },
  gender: { 男: 'male', 女: 'female' },
  employment: {
    在业: 'employed',
    就业: 'employed',
    务工: 'employed',
    失业: 'unemployed',
    退休: 'retired',
    在校: 'student',
    学生: 'student',
    无劳动能力: 'unable_to_work',
    其他: 'other',
  },
  education_stage: {
    无: 'none',
    学前: 'preschool',
    小学: 'primary',
    初中: 'junior',
    高中: 'senior',
    职校: 'vocational',
    中职: 'vocational',
    大学: 'college',
    大专: 'college',
    本科: 'college',
    已毕业: 'finished',
  },
  housing: { 自有: 'owned', 租赁: 'rented', 公租房: 'public_rental', 无房: 'none', 其他: 'other' },
  chronic_illness: { 是: 'true', 否: 'false', 有: 'true', 无: 'false' },
};

/** The Chinese values a column accepts, for a reason that says what to write instead. */
export const acceptedLabels = (column: string): string[] => {
  const seen = new Set<string>();
  return Object.entries(VALUE_ALIASES[column] ?? {})
    .filter(([, code]) => !seen.has(code) && seen.add(code))
    .map(([label]) => label);
};
