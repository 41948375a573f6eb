import { Badge, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useDueSoonHours } from '@/features/approvals/api';
import { STATUS_COLORS } from '@/features/referrals/ReferralsPage';
import { api, call } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type InboxReferral, useInbox } from './api';
import { ReferralActions } from './ReferralActions';
import { UrgentBadge } from './UrgentBadge';
import { INBOX_TABS, type InboxTab, parseTab } from './tabs';

/** The home page's count for each tab, shown on the tab. */
const TAB_COUNTS: Record<InboxTab, string> = {
  new: 'referralsToAccept',
  deliver: 'referralsToDeliver',
  soon: 'referralsDueSoon',
  overdue: 'referralsPastDeadline',
};

/** The provider's referral inbox: new ones to accept, accepted ones to deliver, due soon, overdue. */
export function InboxPage() {
  const { t } = useTranslation(['inbox', 'common']);
  const label = useLabel();
  const soonHours = useDueSoonHours();
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get('tab'));
  const [page, setPage] = useState(1);
  const inbox = useInbox(tab, page, soonHours);
  const summary = useQuery({
    queryKey: ['work-summary'],
    queryFn: () => call(api.GET('/api/work/summary')),
  });
  const items = inbox.data?.items ?? [];

  return (
    <PageContainer
      title={t('title')}
      extra={<Button onClick={() => void inbox.refetch()}>{t('common:action.refresh')}</Button>}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setParams(key === 'new' ? {} : { tab: key }, { replace: true });
          setPage(1);
        }}
        items={INBOX_TABS.map((key) => {
          const count = summary.data?.[TAB_COUNTS[key] as keyof typeof summary.data];
          return {
            key,
            label: (
              <Space size={6}>
                {t(`tab.${key}`)}
                {typeof count === 'number' && count > 0 && (
                  <Badge
                    count={count}
                    color={key === 'overdue' ? 'red' : key === 'soon' ? 'orange' : 'blue'}
                  />
                )}
              </Space>
            ),
          };
        })}
      />
      <QueryState
        isLoading={inbox.isLoading}
        error={inbox.error}
        onRetry={() => void inbox.refetch()}
      >
        <Table<InboxReferral>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          dataSource={items}
          locale={{ emptyText: t(`empty.${tab}`) }}
          pagination={{
            current: page,
            pageSize: 20,
            total: inbox.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common:pagination.total', { total }),
          }}
          columns={[
            {
              title: t('col.household'),
              key: 'household',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/inbox/${r.id}`}>{r.householdName ?? t('unnamed')}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.communityName}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('col.need'),
              key: 'need',
              width: 160,
              render: (_, r) => (
                <Space size={4} wrap>
                  {label('category', r.categoryCode)}
                  {r.urgency !== 'normal' && (
                    <Tag color={r.urgency === 'emergency' ? 'red' : 'orange'}>
                      {label('urgency', r.urgency)}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('col.resource'), dataIndex: 'resourceTitle', key: 'resource' },
            {
              title: t('col.status'),
              key: 'status',
              width: 120,
              render: (_, r) => (
                <Space wrap size={4}>
                  <Tag color={STATUS_COLORS[r.status]}>{label('referralStatus', r.status)}</Tag>
                  {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('col.deadline'),
              key: 'deadline',
              width: 200,
              render: (_, r) =>
                r.deadline ? (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>
                      {t(r.status === 'open' ? 'deadline.accept' : 'deadline.deliver', {
                        time: formatTime(r.deadline),
                      })}
                    </Typography.Text>
                    <UrgentBadge deadline={r.deadline} soonHours={soonHours} />
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: t('col.createdAt'),
              key: 'createdAt',
              width: 150,
              render: (_, r) => formatTime(r.createdAt),
            },
            {
              title: t('col.actions'),
              key: 'actions',
              width: 170,
              fixed: 'right',
              render: (_, r) => (
                <Space size={4} wrap data-testid={`actions-${r.id}`}>
                  <ReferralActions referral={r} />
                  <Link to={`/inbox/${r.id}`}>{t('common:action.view')}</Link>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
