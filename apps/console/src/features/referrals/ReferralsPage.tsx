import { Button, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useDueSoonHours } from '@/features/approvals/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type Referral, type ReferralStatus, useReferrals } from './api';

export const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  accepted: 'blue',
  delivered: 'cyan',
  closed: 'success',
  declined: 'error',
  expired: 'default',
};

type Due = 'all' | 'soon' | 'overdue' | 'escalated';

/** Referrals in the officer's area: due soon, overdue, escalated to them; deadlines in Beijing time. */
export function ReferralsPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const label = useLabel();
  const statuses = useOptions('referralStatus');
  const soonHours = useDueSoonHours();
  const [params, setParams] = useSearchParams();
  const due = (
    ['soon', 'overdue', 'escalated'].includes(params.get('due') ?? '') ? params.get('due') : 'all'
  ) as Due;
  const [status, setStatus] = useState<ReferralStatus | undefined>();
  const [page, setPage] = useState(1);
  const referrals = useReferrals({
    page,
    status,
    dueWithin: due === 'soon' ? soonHours : undefined,
    overdue: due === 'overdue' ? true : undefined,
    escalatedToMe: due === 'escalated' ? true : undefined,
    sort: due === 'all' || due === 'escalated' ? 'urgency' : 'deadline',
  });
  const items = referrals.data?.items ?? [];

  return (
    <PageContainer
      title={t('title')}
      extra={<Button onClick={() => void referrals.refetch()}>{t('common:action.refresh')}</Button>}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('filter.due')}
          value={due}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value === 'all') next.delete('due');
            else next.set('due', String(value));
            setParams(next, { replace: true });
            setPage(1);
          }}
          options={(['all', 'soon', 'overdue', 'escalated'] as const).map((value) => ({
            value,
            label: t(`filter.${value}`),
          }))}
        />
        <Select
          aria-label={t('filter.status')}
          placeholder={t('filter.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={statuses}
        />
      </Flex>
      <QueryState
        isLoading={referrals.isLoading}
        error={referrals.error}
        onRetry={() => void referrals.refetch()}
      >
        <Table<Referral>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          dataSource={items}
          locale={{ emptyText: t('empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: referrals.data?.total ?? 0,
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
                  <Link to={`/households/${r.householdId}`}>{r.householdName ?? '—'}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.communityName}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('col.resource'),
              key: 'resource',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/referrals/${r.id}`}>{r.resourceTitle}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.providerName} · {label('category', r.categoryCode)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('col.status'),
              key: 'status',
              width: 150,
              render: (_, r) => (
                <Space wrap size={4}>
                  <Tag color={STATUS_COLORS[r.status]}>{label('referralStatus', r.status)}</Tag>
                  {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                  {r.escalatedToAreaId && <Tag color="volcano">{t('escalated')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('col.urgency'),
              key: 'urgency',
              width: 90,
              render: (_, r) => label('urgency', r.urgency),
            },
            {
              title: t('col.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, r) =>
                r.deadline ? (
                  <Typography.Text type={(r.timeLeftSeconds ?? 0) < 0 ? 'danger' : undefined}>
                    {formatTime(r.deadline)}
                  </Typography.Text>
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
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_, r) => <Link to={`/referrals/${r.id}`}>{t('common:action.view')}</Link>,
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
