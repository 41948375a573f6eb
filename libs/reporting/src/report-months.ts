import { todayInChina, ValidationFailedError } from '@onedoor/platform';
import { type ReportPeriod, reportPeriod } from './report-period';

/** A trend asks for at most three years of months: each month is one coverage query. */
export const MAX_REPORT_MONTHS = 36;

/** A China calendar month of a trend: `2026-11`, and the period it stands for. */
export interface ReportMonth {
  month: string;
  period: ReportPeriod;
}

const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
/** The last day of a month: the day before the next month's first. */
const lastDay = (index: number) => {
  const next = monthOf(index + 1);
  return new Date(Date.parse(`${next}-01T00:00:00Z`) - 24 * 3600_000).toISOString().slice(0, 10);
};

/**
 * The China calendar months `from`…`to` (`YYYY-MM`, both included; by default the twelve months
 * ending with this one), each as a report period from its first day to its last — the month
 * still running only to today, and months after this one left out (nothing has happened in
 * them yet). Months begin at 00:00 Beijing time: 2026-10-31T16:30Z is in November.
 */
export function reportMonths(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): ReportMonth[] {
  const today = todayInChina(now);
  const last = monthIndex(to ?? today.slice(0, 7));
  const first = from ? monthIndex(from) : last - 11;
  const fail = (message: string, constraint: 'notAfter' | 'max', params: Record<string, unknown>) =>
    new ValidationFailedError(message, [{ field: 'from', constraint, params, message }]);
  if (first > last) {
    throw fail(`must not be after to (${monthOf(last)})`, 'notAfter', { other: monthOf(last) });
  }
  if (last - first + 1 > MAX_REPORT_MONTHS) {
    throw fail(`at most ${MAX_REPORT_MONTHS} months`, 'max', { max: MAX_REPORT_MONTHS });
  }
  const months: ReportMonth[] = [];
  for (let i = first; i <= last; i += 1) {
    const start = `${monthOf(i)}-01`;
    if (start > today) break;
    const end = lastDay(i);
    months.push({ month: monthOf(i), period: reportPeriod(start, end < today ? end : today, now) });
  }
  return months;
}
