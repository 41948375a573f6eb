import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { BEIJING } from '@/lib/format';
import { RecentNotifications } from '@/features/notifications/NotificationsPage';

type Summary = components['schemas']['WorkSummaryDto'];
type CountKey = keyof typeof COUNT_LINKS;

/** Where each count leads: the page that lists exactly those items. */
const COUNT_LINKS = {
  proposalsToApprove: '/approvals',
  proposalsDueSoon: '/approvals?due=soon',
  proposalsOverdue: '/approvals?due=overdue',
  referralsOverdue: '/referrals?due=overdue',
  resourcesToReview: '/resources/review',
  applicationsToReview: '/applications',
  referralsToAccept: '/inbox',
  referralsToDeliver: '/inbox?tab=deliver',
  referralsDueSoon: '/inbox?tab=soon',
  referralsPastDeadline: '/inbox?tab=overdue',
  revisitsDue: '/households?view=revisits',
  draftAssessments: '/households?view=drafts',
  evaluationsAssigned: '/tasks',
} as const;

/** Counts that mean something is late: shown in red when not zero. */
const ALARMING: CountKey[] = ['proposalsOverdue', 'referralsOverdue', 'referralsPastDeadline'];

/** Each role's home: the counts from /api/work/summary, each a link to its list. */
export function HomePage() {
  const { t } = useTranslation('home');
  const me = useMe();
  const summary = useQuery({
    queryKey: ['work-summary'],
    queryFn: () => call(api.GET('/api/work/summary')),
    refetchInterval: 60_000,
    // A reporter has no workbench: its home is its own leads (below).
    enabled: me.role !== 'reporter',
  });
  const counts = (Object.keys(COUNT_LINKS) as CountKey[]).filter(
    (key) => typeof summary.data?.[key as keyof Summary] === 'number',
  );

  if (me.role === 'reporter') return <Navigate to="/leads/mine" replace />;
  return (
    <PageContainer
      title={t('greeting', { name: me.displayName })}
      subTitle={t('today', { date: dayjs().tz(BEIJING).format('YYYY-MM-DD dddd') })}
    >
      <QueryState
        isLoading={summary.isLoading}
        error={summary.error}
        onRetry={() => void summary.refetch()}
      >
        <Row gutter={[16, 16]}>
          {counts.map((key) => {
            const value = summary.data![key as keyof Summary] as number;
            return (
              <Col key={key} xs={12} md={8} xl={6}>
                <Link to={COUNT_LINKS[key]} data-testid={`count-${key}`}>
                  <Card hoverable size="small">
                    <Statistic
                      title={t(`counts.${key}`)}
                      value={value}
                      valueStyle={
                        ALARMING.includes(key) && value > 0 ? { color: '#cf1322' } : undefined
                      }
                    />
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
        {summary.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('dueSoon', { hours: summary.data.dueSoonHours })}
          </Typography.Paragraph>
        )}
      </QueryState>
      <Card title={t('recent')} style={{ marginTop: 16 }} size="small">
        <RecentNotifications limit={5} />
      </Card>
    </PageContainer>
  );
}
