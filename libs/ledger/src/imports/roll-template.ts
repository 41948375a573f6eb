import { idCheckCharacter, templateWorkbook } from '@onedoor/households';
import { ROLL_COLUMNS, ROLL_REQUIRED_COLUMNS, rollColumnLabel } from './roll-columns';

const COLUMNS = Object.keys(ROLL_COLUMNS);

const HINTS: Record<string, string> = {
  id_number: '18位，末位可为X；请设为文本格式',
  name: '与登记信息核对',
  category: '填类别名称或编码；留空则用导入时选择的默认类别',
  title: '留空则用默认项目名称',
  granted_by: '留空则为导入时填写的发放机构',
  form: '现金、实物、服务；留空为现金',
  frequency: '一次性、按月；留空为一次性',
  amount_yuan: '单位：元，最多两位小数；按月发放填每月金额',
  starts_on: '如 2026-10-03、2026/10/3、2026年10月3日',
  ends_on: '按月发放仍在享受的留空；一次性留空',
  note: '',
};

const EXAMPLE_ID_FIRST17 = '11010519800615001';
const EXAMPLE: Record<string, string> = {
  id_number: EXAMPLE_ID_FIRST17 + idCheckCharacter(EXAMPLE_ID_FIRST17),
  name: '张三',
  category: '基本生活',
  title: '最低生活保障金',
  granted_by: '和平区民政局',
  form: '现金',
  frequency: '按月',
  amount_yuan: '850.00',
  starts_on: '2026-10-01',
  ends_on: '',
  note: '',
};

const hintOf = (column: string) =>
  [ROLL_REQUIRED_COLUMNS.includes(column) ? '必填' : '选填', HINTS[column]]
    .filter(Boolean)
    .join('；');

/** The roll template: Chinese headers, a hint row (skipped on import) and one example row. */
export function rollTemplateXlsx(): Promise<Buffer> {
  const hints = COLUMNS.map(hintOf);
  hints[0] = `#说明（导入时跳过此行）：${hints[0]}`;
  return templateWorkbook(
    '救助名册',
    COLUMNS.map(rollColumnLabel),
    hints,
    COLUMNS.map((c) => EXAMPLE[c] ?? ''),
    COLUMNS.map(hintOf),
  );
}
