import { Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatTime } from '@/lib/format';
import { type FollowUp, type FollowUpQuery, useFollowUps } from './api';

const STATUS_COLOR: Record<string, string | undefined> = {
  overdue: 'red',
  due: 'orange',
  done: 'green',
};

/**
 * /relief/follow-ups (待补全评估): the full assessments emergency intakes owe in the caller's
 * area, overdue first; each row leads to the household (to assess it) or to the assessment.
 */
export function FollowUpsPage() {
  const { t } = useTranslation('reliefIntake');
  const label = useLabel();
  const statuses = useOptions('followUpStatus');
  const [query, setQuery] = useState<FollowUpQuery>({ page: 1, limit: 20 });
  const followUps = useFollowUps(query);
  const page = followUps.data;
  return (
    <PageContainer title={t('followUps.title')}>
      <Typography.Paragraph type="secondary">{t('followUps.intro')}</Typography.Paragraph>
      <Select
        allowClear
        placeholder={t('followUps.allStatuses')}
        style={{ width: 160, marginBottom: 12 }}
        options={statuses}
        onChange={(status?: FollowUpQuery['status']) =>
          setQuery((q) => ({ ...q, status, page: 1 }))
        }
      />
      <QueryState isLoading={false} error={followUps.error}>
        <Table<FollowUp>
          rowKey="id"
          size="small"
          loading={followUps.isLoading}
          dataSource={page?.items ?? []}
          locale={{ emptyText: t('followUps.none') }}
          scroll={{ x: 720 }}
          pagination={{
            current: query.page,
            pageSize: query.limit,
            total: page?.total ?? 0,
            onChange: (p, limit) => setQuery((q) => ({ ...q, page: p, limit })),
          }}
          columns={[
            {
              title: t('followUps.household'),
              key: 'household',
              render: (_v, r) => (
                <Link to={`/households/${r.householdId}`}>{r.headName ?? '—'}</Link>
              ),
            },
            { title: t('followUps.community'), dataIndex: 'communityName' },
            {
              title: t('followUps.status'),
              dataIndex: 'status',
              render: (s: string, r) => (
                <>
                  <Tag color={STATUS_COLOR[s]}>{label('followUpStatus', s)}</Tag>
                  {r.escalatedAt && <Tag>{t('followUps.escalated')}</Tag>}
                </>
              ),
            },
            { title: t('followUps.intakeAt'), dataIndex: 'intakeAt', render: formatTime },
            { title: t('followUps.dueAt'), dataIndex: 'dueAt', render: formatDate },
            {
              key: 'action',
              render: (_v, r) =>
                r.assessmentId ? (
                  <Link to={`/assessments/${r.assessmentId}`}>{t('followUps.assessment')}</Link>
                ) : (
                  <Link to={`/households/${r.householdId}`}>{t('followUps.assess')}</Link>
                ),
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
