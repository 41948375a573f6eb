import { idNumberProblem } from '../id-number.util';
import { acceptedLabels, columnLabel } from './csv-columns';

/**
 * Why a row was refused, in Chinese, one sentence per reason: the error sheet's 错误原因 and the
 * status answer (the English message stays beside it for Accept-Language: en). Values are never
 * quoted: an identity number or a phone must not travel into a reason.
 */
export const REASONS = {
  refMissing: '户编号不能为空',
  headFirst: '每户第一行须为户主（与户主关系填“户主”），且每户只能有一名户主',
  noCommunity: '所属社区编码不存在',
  outOfScope: '所属社区不在您的辖区内',
  duplicateHead: '户主已登记',
  notSaved: '保存失败，请联系管理员查看服务器日志',
  sibling: '同户其他行有误，整户未导入',
} as const;

const ID_NUMBER_REASONS = {
  format: '身份证号格式不正确（应为17位数字加1位校验码）',
  birth_date: '身份证号中的出生日期不存在',
  check_digit: '身份证号校验位不正确',
} as const;

/** A class-validator constraint on a column, as a Chinese reason. */
export function constraintReason(column: string, constraint: string, raw: string | undefined) {
  const label = columnLabel(column);
  if (raw === undefined || raw === '') return `${label}不能为空`;
  if (column === 'id_number') return ID_NUMBER_REASONS[idNumberProblem(raw) ?? 'format'];
  if (constraint === 'isIn') {
    const accepted = acceptedLabels(column);
    return accepted.length > 0
      ? `${label}取值无效（可填：${accepted.join('、')}）`
      : `${label}取值无效`;
  }
  if (column === 'phone') return '联系电话格式不正确';
  if (column === 'birth_date') return '出生日期格式应为 YYYY-MM-DD';
  if (column === 'tags') return '标签只能包含汉字、字母、数字、下划线或连字符';
  if (constraint === 'isInt' || constraint === 'isNumber') return `${label}须为数字`;
  if (constraint === 'min' || constraint === 'max') return `${label}超出允许范围`;
  if (constraint === 'isLength') return `${label}长度不符合要求`;
  return `${label}填写不正确`;
}
