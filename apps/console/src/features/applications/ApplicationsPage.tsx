import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type Application, type ApplicationStatus, useApplications } from './api';
import { pendingFirst } from './order';

export const APPLICATION_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** Organizations asking to join: pending ones first. */
export function ApplicationsPage() {
  const { t } = useTranslation(['applications', 'common']);
  const label = useLabel();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('pending');
  const [page, setPage] = useState(1);
  const applications = useApplications(page, status === 'all' ? undefined : status);
  return (
    <PageContainer title={t('title')} subTitle={t('subtitle')}>
      <Segmented
        aria-label={t('filter')}
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value as ApplicationStatus | 'all');
          setPage(1);
        }}
        options={[
          { value: 'pending', label: label('providerApplicationStatus', 'pending') },
          { value: 'approved', label: label('providerApplicationStatus', 'approved') },
          { value: 'rejected', label: label('providerApplicationStatus', 'rejected') },
          { value: 'all', label: t('all') },
        ]}
      />
      <QueryState
        isLoading={applications.isLoading}
        error={applications.error}
        onRetry={() => void applications.refetch()}
      >
        <Table<Application>
          rowKey="id"
          scroll={{ x: 1000 }}
          dataSource={pendingFirst(applications.data?.items ?? [])}
          locale={{ emptyText: t('empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: applications.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common:pagination.total', { total }),
          }}
          columns={[
            {
              title: t('field.name'),
              key: 'name',
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/applications/${a.id}`}>{a.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('field.uscc')}：{a.uscc}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('field.kind'),
              key: 'kind',
              width: 170,
              render: (_, a) => label('providerKind', a.kind),
            },
            { title: t('field.homeArea'), dataIndex: 'homeAreaName', width: 140 },
            {
              title: t('field.contact'),
              key: 'contact',
              width: 200,
              render: (_, a) => `${a.contactName} ${a.contactPhone}`,
            },
            {
              title: t('field.status'),
              key: 'status',
              width: 100,
              render: (_, a) => (
                <Tag color={APPLICATION_COLORS[a.status]}>
                  {label('providerApplicationStatus', a.status)}
                </Tag>
              ),
            },
            {
              title: t('field.createdAt'),
              key: 'createdAt',
              width: 150,
              render: (_, a) => formatTime(a.createdAt),
            },
            {
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_, a) => (
                <Link to={`/applications/${a.id}`}>
                  {a.status === 'pending' ? t('review') : t('common:action.view')}
                </Link>
              ),
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
