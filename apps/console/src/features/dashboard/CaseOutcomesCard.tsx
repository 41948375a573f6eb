import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '@/components/QueryState';
import { useCaseOutcomes } from '@/features/reports/api';
import { formatRate } from './rates';

/** 个案成效: the case outcome report's total for the caller's area and the dashboard's period. */
export function CaseOutcomesCard({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation('dashboard');
  const report = useCaseOutcomes({ ...period, groupBy: 'community' });
  const total = report.data?.total;
  const figures: Array<[key: string, value: string | number]> = total
    ? [
        ['caseload', total.caseload],
        ['visitsOnTime', formatRate(total.visitsOnTimeRate)],
        ['plansAgreed', formatRate(total.plansAgreedRate)],
        ['goalsAchieved', formatRate(total.goalsAchievedRate)],
        ['reassessments', total.reassessments],
        ['scoreImproved', formatRate(total.scoreImprovedRate)],
        ['meanScoreChange', total.meanScoreChange ?? '—'],
        ['tierImproved', formatRate(total.tierImprovedRate)],
        ['left', total.left],
        ['cameBack', `${total.cameBack} / ${total.leftBefore}`],
      ]
    : [];
  return (
    <Card
      size="small"
      title={t('outcomes.title')}
      extra={<Link to="/reports/case-outcomes">{t('outcomes.open')}</Link>}
      data-testid="case-outcomes-card"
    >
      <QueryState isLoading={report.isLoading} error={report.error}>
        <div
          style={{
            display: 'grid',
            gap: 16,
            gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          }}
        >
          {figures.map(([key, value]) => (
            <Statistic
              key={key}
              title={t(`outcomes.${key}`)}
              value={value}
              data-testid={`outcome-${key}`}
            />
          ))}
        </div>
      </QueryState>
    </Card>
  );
}
