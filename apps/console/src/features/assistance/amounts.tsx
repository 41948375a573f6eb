import type { TFunction } from 'i18next';
import { formatDate, formatYuan } from '@/lib/format';

interface Period {
  frequency: 'one_off' | 'monthly';
  amountFen?: number | null;
  startsOn: string;
  endsOn?: string | null;
}

/** `¥800.00/月` for a monthly benefit, `¥1,500.00` for a one-off. */
export function amountText(e: Period, t: TFunction): string {
  const amount = formatYuan(e.amountFen);
  return e.frequency === 'monthly' && e.amountFen != null
    ? t('assistance:history.perMonth', { amount })
    : amount;
}

/** One day for a one-off; `from – to`, or `from 起` while a monthly benefit runs. */
export function periodText(e: Period, t: TFunction): string {
  if (e.frequency === 'one_off') return formatDate(e.startsOn);
  if (!e.endsOn) return t('assistance:history.running', { from: formatDate(e.startsOn) });
  return `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`;
}
