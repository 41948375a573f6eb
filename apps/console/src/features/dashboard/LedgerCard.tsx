import { Card, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '@/components/QueryState';
import {
  useAssistanceMonthly,
  useAssistanceDuplicates,
  useMissedAssistance,
} from '@/features/reports/api';
import { BEIJING, formatYuan } from '@/lib/format';

/**
 * 救助台账: this month's assistance from every source (household-times and amount), the
 * households missed for three months and the duplicate pairs of the last twelve months — each
 * a link to its report. Always this month, whatever the dashboard's period: the card answers
 * "what is being given now".
 */
export function LedgerCard() {
  const { t } = useTranslation('dashboard');
  const month = dayjs().tz(BEIJING).format('YYYY-MM');
  const thisMonth = useAssistanceMonthly({ from: month, to: month });
  const missed = useMissedAssistance(3);
  const duplicates = useAssistanceDuplicates({});
  const total = thisMonth.data?.total;
  return (
    <Card size="small" title={t('ledger.title')} data-testid="ledger-card">
      <QueryState
        isLoading={thisMonth.isLoading || missed.isLoading || duplicates.isLoading}
        error={thisMonth.error ?? missed.error ?? duplicates.error}
      >
        <div
          style={{
            display: 'grid',
            gap: 16,
            gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
          }}
        >
          <Link to="/reports/assistance">
            <Statistic
              title={t('ledger.householdTimes')}
              value={total?.householdTimes ?? 0}
              data-testid="ledger-household-times"
            />
          </Link>
          <Link to="/reports/assistance">
            <Statistic
              title={t('ledger.amount')}
              value={formatYuan(total?.amountFen ?? 0)}
              data-testid="ledger-amount"
            />
          </Link>
          <Link to="/reports/missed-assistance">
            <Statistic
              title={t('ledger.missed')}
              value={missed.data?.count ?? 0}
              valueStyle={missed.data?.count ? { color: '#cf1322' } : undefined}
              data-testid="ledger-missed"
            />
          </Link>
          <Link to="/reports/assistance-duplicates">
            <Statistic
              title={t('ledger.duplicates')}
              value={duplicates.data?.count ?? 0}
              valueStyle={duplicates.data?.count ? { color: '#d46b08' } : undefined}
              data-testid="ledger-duplicates"
            />
          </Link>
        </div>
      </QueryState>
    </Card>
  );
}
