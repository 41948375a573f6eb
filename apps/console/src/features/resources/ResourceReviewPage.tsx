import { Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { type Resource, useResourcesUnderReview } from './api';

/** Resources their organizations submitted, waiting for review in the officer's area. */
export function ResourceReviewPage() {
  const { t } = useTranslation(['resources', 'common']);
  const label = useLabel();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const resources = useResourcesUnderReview(page, q);
  return (
    <PageContainer title={t('review.title')} subTitle={t('review.subtitle')}>
      <Input.Search
        aria-label={t('review.search')}
        placeholder={t('review.search')}
        allowClear
        enterButton={t('common:action.search')}
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(value) => {
          setQ(value.trim() || undefined);
          setPage(1);
        }}
      />
      <QueryState
        isLoading={resources.isLoading}
        error={resources.error}
        onRetry={() => void resources.refetch()}
      >
        <Table<Resource>
          rowKey="id"
          scroll={{ x: 1000 }}
          dataSource={resources.data?.items ?? []}
          locale={{ emptyText: t('review.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: resources.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common:pagination.total', { total }),
          }}
          columns={[
            {
              title: t('field.title'),
              key: 'title',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/resources/${r.id}`}>{r.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.provider.name} · {label('providerKind', r.provider.kind)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('field.category'),
              key: 'category',
              width: 160,
              render: (_, r) => (
                <Space size={4} wrap>
                  <span>{label('category', r.categoryCode)}</span>
                  <Tag>{label('resourceForm', r.form)}</Tag>
                </Space>
              ),
            },
            {
              title: t('field.coverage'),
              key: 'coverage',
              width: 140,
              render: (_, r) => r.coverageArea.name,
            },
            {
              title: t('field.capacity'),
              key: 'capacity',
              width: 90,
              align: 'right',
              render: (_, r) => r.capacity,
            },
            {
              title: t('field.value'),
              key: 'value',
              width: 120,
              align: 'right',
              render: (_, r) => formatYuan(r.valuePerUnitFen),
            },
            {
              title: t('field.validity'),
              key: 'validity',
              width: 200,
              render: (_, r) =>
                `${formatDate(r.validFrom)} ~ ${r.validUntil ? formatDate(r.validUntil) : t('field.open')}`,
            },
            {
              title: t('field.submittedAt'),
              key: 'updatedAt',
              width: 150,
              render: (_, r) => formatTime(r.updatedAt),
            },
            {
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_, r) => <Link to={`/resources/${r.id}`}>{t('review.open')}</Link>,
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
