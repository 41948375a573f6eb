import {
  type DictionariesService,
  type DictionaryGroups,
  formatBeijingTime,
  formatYuan,
  isInstant,
  type LabelLocale,
  labelOf,
} from '@onedoor/platform';

/**
 * Which dictionary group reads a code that emitters put in an event's `data`. The labels come
 * from the composed dictionaries (most groups belong to libs above this one); a code with no
 * label, or no dictionaries (a test module), reads as the code itself.
 */
const CODE_GROUPS: Readonly<Record<string, string>> = {
  categoryCode: 'category',
  urgency: 'urgency',
  kind: 'providerKind',
  status: 'referralStatus',
  declineReason: 'declineReason',
  tier: 'tier',
};

/** Data keys as a person reads them in an e-mail or a robot message; ids are left out. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  resourceTitle: '资源',
  projectTitle: '项目',
  contractTitle: '合同',
  title: '标题',
  name: '名称',
  headName: '户主',
  providerName: '机构',
  categoryCode: '类别',
  urgency: '紧急程度',
  status: '状态',
  kind: '机构类型',
  uscc: '统一社会信用代码',
  budgetFen: '预算',
  amountFen: '金额',
  units: '数量',
  dueAt: '截止时间',
  acceptDueAt: '接受期限',
  deliverDueAt: '交付期限',
  closesAt: '投标截止时间',
  respondBy: '答复期限',
  homeAreaName: '所在地区',
  communityName: '社区',
  areaName: '地区',
  fromAdviser: '原顾问',
  toAdviser: '接手顾问',
  reason: '原因',
  declineReason: '拒绝原因',
  note: '备注',
  url: '地址',
  failures: '连续失败次数',
  message: '消息',
};

/**
 * One value of an event's data as a person reads it: amounts (`…Fen`) in yuan, instants in
 * Beijing time, codes by their Chinese label, the rest as text.
 */
export function noticeValue(
  key: string,
  value: unknown,
  labels: DictionaryGroups = {},
  locale: LabelLocale = 'zh-CN',
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key.endsWith('Fen') && /^-?\d+$/.test(String(value))) return formatYuan(String(value));
  if (isInstant(value)) return formatBeijingTime(value);
  const group = CODE_GROUPS[key];
  if (group && typeof value === 'string' && labels[group])
    return labelOf(labels[group], value, locale);
  if (typeof value === 'boolean') return locale === 'en' ? String(value) : value ? '是' : '否';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The data's human fields as `名称：值` lines, in the order they were sent. */
export function noticeLines(
  data: Record<string, unknown>,
  labels: DictionaryGroups = {},
): string[] {
  return Object.entries(data ?? {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .filter(([k]) => !/(^id|Id|Ids)$/.test(k))
    .map(([k, v]) => `${FIELD_NAMES[k] ?? k}：${noticeValue(k, v, labels)}`);
}

/** The composed dictionaries' groups, once per batch; none where the app composed none. */
export async function noticeLabels(dictionaries?: DictionariesService): Promise<DictionaryGroups> {
  return dictionaries ? (await dictionaries.dictionaries()).groups : {};
}
