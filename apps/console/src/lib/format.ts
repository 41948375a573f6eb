import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time is shown in Beijing time, whatever the browser's zone. */
export const BEIJING = 'Asia/Shanghai';

const yuan = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Integer fen → `¥1,234.50` (amounts are stored and sent as integer fen). */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return yuan.format(fen / 100).replace('CN¥', '¥');
}

/** Yuan typed by a person (up to 2 decimals) → integer fen, without floating-point drift. */
export function yuanToFen(value: number | string): number {
  const [whole, fraction = ''] = String(value).trim().split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)));
}

/** An ISO time → `2026-12-02 14:05` in Beijing time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(BEIJING).format('YYYY-MM-DD HH:mm');
}

/** An ISO date or time → `2026-12-02` (Beijing calendar day). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : dayjs(iso).tz(BEIJING).format('YYYY-MM-DD');
}

/** Hours from now until `iso` (negative when past): deadline badges. */
export function hoursUntil(iso: string, now: Date = new Date()): number {
  return (new Date(iso).getTime() - now.getTime()) / 3_600_000;
}
