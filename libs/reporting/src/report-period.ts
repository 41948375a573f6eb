import {
  beijingDays,
  beijingMidnight,
  todayInChina,
  ValidationFailedError,
} from '@onedoor/platform';

const DAY = 24 * 3600_000;

/** A report period: China calendar days `from`…`to` (both included) and their instants. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** `from` 00:00 in China (UTC+8). */
  start: Date;
  /** The day after `to`, 00:00 in China: the end, excluded. */
  end: Date;
}

/** The period asked for; by default the 365 days ending today (China time). */
export function reportPeriod(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): ReportPeriod {
  const last = to ?? todayInChina(now);
  const first = from ?? todayInChina(new Date(beijingMidnight(last).getTime() - 364 * DAY));
  if (first > last) {
    throw new ValidationFailedError('The period ends before it starts', [
      {
        field: 'from',
        constraint: 'notAfter',
        params: { other: last },
        message: `must not be after to (${last})`,
      },
    ]);
  }
  return { from: first, to: last, ...beijingDays(first, last) };
}
