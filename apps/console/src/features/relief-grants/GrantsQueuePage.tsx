import { Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type Grant, type GrantQuery, useGrants } from './api';

/**
 * /relief-grants: 临时救助审批 — the grants of the officer's area, requested ones first by their
 * decision deadline, overdue ones marked; a row opens the decision.
 */
export function GrantsQueuePage() {
  const { t } = useTranslation('reliefGrants');
  const label = useLabel();
  const statuses = useOptions('grantStatus');
  const [query, setQuery] = useState<GrantQuery>({ page: 1, limit: 20, status: 'requested' });
  const grants = useGrants(query);
  const page = grants.data;

  return (
    <PageContainer title={t('queue.title')}>
      <Select
        allowClear
        placeholder={t('queue.allStatuses')}
        style={{ width: 180, marginBottom: 12 }}
        value={query.status}
        options={statuses}
        onChange={(status?: GrantQuery['status']) => setQuery((q) => ({ ...q, status, page: 1 }))}
        data-testid="grant-status-filter"
      />
      <QueryState isLoading={false} error={grants.error}>
        <Table<Grant>
          rowKey="id"
          size="small"
          loading={grants.isLoading}
          dataSource={page?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: query.page,
            pageSize: query.limit,
            total: page?.total ?? 0,
            onChange: (p, limit) => setQuery((q) => ({ ...q, page: p, limit })),
          }}
          columns={[
            {
              title: t('queue.household'),
              key: 'household',
              render: (_v, r) => (
                <Link to={`/relief-grants/${r.id}`}>
                  {r.headName ?? '—'} · {r.communityName}
                </Link>
              ),
            },
            {
              title: t('queue.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            { title: t('queue.fund'), dataIndex: 'fundName' },
            { title: t('queue.requestedBy'), dataIndex: 'requestedByName' },
            {
              title: t('queue.deadline'),
              key: 'deadline',
              render: (_v, r) =>
                r.status === 'requested' ? (
                  <>
                    <Typography.Text type={r.overdue ? 'danger' : undefined}>
                      {formatTime(r.decisionDueAt)}
                    </Typography.Text>{' '}
                    {r.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
                    {r.escalatedAt && <Tag color="orange">{t('queue.escalated')}</Tag>}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              title: t('queue.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'requested' ? 'blue' : s === 'rejected' ? undefined : 'green'}>
                  {label('grantStatus', s)}
                </Tag>
              ),
            },
            {
              key: 'open',
              render: (_v, r) => <Link to={`/relief-grants/${r.id}`}>{t('queue.open')}</Link>,
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
