import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type LeadStatus, type LeadSummary, useLeadQueue } from './api';
import { STATUS_COLOR } from './MyLeadsPage';

const FILTERS = ['open', 'linked', 'registered', 'closed'] as const;

/** /leads: the triage queue of the caller's area, overdue first (the API's order). */
export function LeadQueuePage() {
  const { t } = useTranslation('leads');
  const label = useLabel();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('open');
  const [page, setPage] = useState(1);
  const status: LeadStatus | undefined = filter === 'open' ? undefined : filter;
  const queue = useLeadQueue(status, page);
  return (
    <PageContainer title={t('queue.title')}>
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={filter}
          onChange={(v) => {
            setFilter(v as typeof filter);
            setPage(1);
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: f === 'open' ? t('queue.open') : label('leadStatus', f),
          }))}
        />
        <QueryState
          isLoading={queue.isLoading}
          error={queue.error}
          onRetry={() => void queue.refetch()}
        >
          <Table<LeadSummary>
            rowKey="id"
            size="middle"
            scroll={{ x: 800 }}
            dataSource={queue.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: queue.data?.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('queue.subject'),
                render: (_, l) => (
                  <Link to={`/leads/${l.id}`}>
                    {l.subjectName}
                    <Typography.Text type="secondary"> {l.reference}</Typography.Text>
                  </Link>
                ),
              },
              { title: t('queue.community'), dataIndex: 'communityName' },
              {
                title: t('queue.status'),
                render: (_, l) => (
                  <Space size={4} wrap>
                    <Tag color={STATUS_COLOR[l.status]}>{label('leadStatus', l.status)}</Tag>
                    {l.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
                    {l.escalatedAt && <Tag color="volcano">{t('queue.escalated')}</Tag>}
                  </Space>
                ),
              },
              { title: t('queue.source'), render: (_, l) => label('leadSource', l.source) },
              { title: t('queue.reportedAt'), render: (_, l) => formatTime(l.reportedAt) },
              { title: t('queue.due'), render: (_, l) => formatTime(l.triageDueAt) },
              {
                title: t('queue.candidates'),
                render: (_, l) =>
                  l.candidateCount > 0
                    ? t('queue.candidateCount', { count: l.candidateCount })
                    : '—',
              },
            ]}
          />
        </QueryState>
      </Card>
    </PageContainer>
  );
}
