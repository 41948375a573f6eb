import { constraintReason, idNumberProblem, normaliseIdNumber } from '@onedoor/households';
import type { ResourceForm } from '@onedoor/resources';
import type { AssistanceFrequency } from '../ledger.types';
import type { RollDefaults } from './assistance-import.entity';
import { rollColumnLabel } from './roll-columns';

/** A roll row read and checked, before it is matched to a household. */
export interface RollRow {
  idNumber: string;
  name: string | null;
  categoryCode: string;
  title: string;
  grantedBy: string;
  form: ResourceForm;
  frequency: AssistanceFrequency;
  amountFen: number | null;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

/** Why a row was refused: Chinese for the error sheet, English for the status answer. */
export interface RowProblem {
  reasons: string[];
  reasonsEn: string[];
}

export interface RollContext {
  defaults: RollDefaults;
  /** The import's granting organization. */
  grantedBy: string;
  /** A provider's roll is its own: a row's 发放机构 does not change who granted it. */
  rowGrantedBy: boolean;
  /** Category code, Chinese name or English name (lower case) → code. */
  categories: ReadonlyMap<string, { code: string; nameZh: string }>;
}

const FORMS: Record<string, ResourceForm> = {
  现金: 'cash',
  实物: 'in_kind',
  服务: 'service',
  cash: 'cash',
  in_kind: 'in_kind',
  service: 'service',
};

const FREQUENCIES: Record<string, AssistanceFrequency> = {
  一次性: 'one_off',
  单次: 'one_off',
  按月: 'monthly',
  每月: 'monthly',
  月度: 'monthly',
  one_off: 'one_off',
  monthly: 'monthly',
};

const NOTE_MAX = 500;
const TEXT_MAX = 100;
/** Above this a yuan amount is surely a typo (or an identity number in the wrong column). */
const MAX_FEN = 100_000_000 * 100;

/**
 * A date as rolls write it: 2026-10-03, 2026/10/3, 2026.10.3, 2026年10月3日, or an Excel date
 * cell (read as YYYY-MM-DD). Null when it is none of these or no such day.
 */
export function parseRollDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Yuan with at most two decimals as integer fen, computed on the digits (no floating point);
 * thousands separators, a ¥ and a trailing 元 are allowed. Null when it is not such a number.
 */
export function parseYuan(text: string): number | null {
  const m = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/**
 * Reads one roll row (canonical column → cell text) into a ledger row, or says every reason it
 * is refused. Values are never quoted in a reason (an identity number must not travel).
 */
export function readRollRow(row: Record<string, string>, ctx: RollContext): RollRow | RowProblem {
  const zh: string[] = [];
  const en: string[] = [];
  const refuse = (reason: string, english: string) => {
    zh.push(reason);
    en.push(english);
  };
  const cell = (column: string) => (row[column] ?? '').trim();

  const rawId = cell('id_number');
  if (!rawId || idNumberProblem(rawId)) {
    refuse(
      constraintReason('id_number', 'isIdNumber', rawId),
      `id_number: ${rawId ? (idNumberProblem(rawId) ?? 'format') : 'required'}`,
    );
  }

  const categoryText = cell('category') || ctx.defaults.categoryCode || '';
  const category =
    ctx.categories.get(categoryText) ?? ctx.categories.get(categoryText.toLowerCase());
  if (!categoryText) refuse(`${rollColumnLabel('category')}不能为空`, 'category: required');
  else if (!category) refuse(`${rollColumnLabel('category')}不存在`, 'category: unknown');

  const formText = cell('form');
  const form = formText ? FORMS[formText] : (ctx.defaults.form ?? 'cash');
  if (!form)
    refuse(`${rollColumnLabel('form')}取值无效（可填：现金、实物、服务）`, 'form: invalid');

  const frequencyText = cell('frequency');
  const frequency = frequencyText
    ? FREQUENCIES[frequencyText]
    : (ctx.defaults.frequency ?? 'one_off');
  if (!frequency) {
    refuse(`${rollColumnLabel('frequency')}取值无效（可填：一次性、按月）`, 'frequency: invalid');
  }

  const amountText = cell('amount_yuan');
  const amountFen = amountText ? parseYuan(amountText) : null;
  if (amountText && amountFen === null) {
    refuse('金额须为不小于0的数字，最多两位小数（单位：元）', 'amount_yuan: not an amount');
  }

  const startText = cell('starts_on');
  const startsOn = startText ? parseRollDate(startText) : null;
  if (!startText) refuse(`${rollColumnLabel('starts_on')}不能为空`, 'starts_on: required');
  else if (!startsOn)
    refuse('开始日期格式应为 2026-10-03、2026/10/3 或 2026年10月3日', 'starts_on: not a date');

  const endText = cell('ends_on');
  let endsOn = endText ? parseRollDate(endText) : null;
  if (endText && !endsOn) {
    refuse('结束日期格式应为 2026-10-03、2026/10/3 或 2026年10月3日', 'ends_on: not a date');
  } else if (startsOn && endsOn && endsOn < startsOn) {
    refuse('结束日期不能早于开始日期', 'ends_on: before starts_on');
  } else if (frequency === 'one_off' && startsOn && endsOn && endsOn !== startsOn) {
    refuse('一次性救助的结束日期须与开始日期相同（或留空）', 'ends_on: a one-off has one date');
  }
  // A one-off benefit has one date (the ledger's rule: starts_on = ends_on).
  if (frequency === 'one_off') endsOn = startsOn;

  const title = cell('title') || ctx.defaults.title || category?.nameZh || '';
  const grantedBy = (ctx.rowGrantedBy && cell('granted_by')) || ctx.grantedBy;
  const note = cell('note');
  if (title.length > TEXT_MAX) refuse(`${rollColumnLabel('title')}过长`, 'title: too long');
  if (grantedBy.length > TEXT_MAX) {
    refuse(`${rollColumnLabel('granted_by')}过长`, 'granted_by: too long');
  }
  if (note.length > NOTE_MAX) refuse(`${rollColumnLabel('note')}过长`, 'note: too long');

  if (zh.length > 0) return { reasons: zh, reasonsEn: en };
  return {
    idNumber: normaliseIdNumber(rawId),
    name: cell('name') || null,
    categoryCode: category!.code,
    title,
    grantedBy,
    form: form!,
    frequency: frequency!,
    amountFen,
    startsOn: startsOn!,
    endsOn,
    note: note || null,
  };
}

export const isRowProblem = (r: RollRow | RowProblem): r is RowProblem => 'reasons' in r;
