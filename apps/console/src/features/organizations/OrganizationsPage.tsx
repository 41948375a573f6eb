import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Grid, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { type Provider, type ProviderQuery, providerKeys, useProviders } from './api';
import { ProviderFormModal } from './ProviderFormModal';
import { VerificationTag } from './status';

type Filters = Pick<ProviderQuery, 'kind' | 'verification'>;

/** The providers in the caller's scope, filtered by kind and verification; register one. */
export function OrganizationsPage() {
  const { t } = useTranslation(['organizations', 'common']);
  const label = useLabel();
  // Fixed columns would fill a phone's width: they stay fixed on wider screens only.
  const wide = !!Grid.useBreakpoint().md;
  const kinds = useOptions('providerKind');
  const verifications = useOptions('verificationStatus');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Provider | null | undefined>(undefined);
  const providers = useProviders({ page, limit: pageSize, ...filters });

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('create')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          name="providerSearch"
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) => {
            setFilters({ kind: v.kind ?? undefined, verification: v.verification ?? undefined });
            setPage(1);
            // Searching again with the same filters should show fresh rows, not the cache.
            void queryClient.invalidateQueries({ queryKey: providerKeys.all });
          }}
        >
          <Form.Item name="kind" label={t('search.kind')}>
            <Select
              options={kinds}
              allowClear
              placeholder={t('search.any')}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="verification" label={t('search.verification')}>
            <Select
              options={verifications}
              allowClear
              placeholder={t('search.any')}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common:action.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common:action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <QueryState
        isLoading={providers.isLoading}
        error={providers.error}
        onRetry={() => void providers.refetch()}
      >
        <Card size="small">
          <Table<Provider>
            rowKey="id"
            loading={providers.isFetching}
            dataSource={providers.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={{
              current: page,
              pageSize,
              total: providers.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common:pagination.total', { total }),
              onChange: (p, size) => {
                setPage(p);
                setPageSize(size);
              },
            }}
            columns={[
              {
                title: t('field.name'),
                dataIndex: 'name',
                fixed: wide ? 'left' : undefined,
                width: 200,
                render: (name: string, p) => <Link to={`/organizations/${p.id}`}>{name}</Link>,
              },
              {
                title: t('field.kind'),
                dataIndex: 'kind',
                width: 150,
                render: (k: Provider['kind']) => label('providerKind', k),
              },
              { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
              {
                title: t('field.homeArea'),
                key: 'homeArea',
                render: (_v, p) => p.homeArea.name,
              },
              {
                title: t('field.contactName'),
                key: 'contact',
                ellipsis: true,
                render: (_v, p) =>
                  [p.contactName, p.contactPhone].filter(Boolean).join(' · ') || '—',
              },
              {
                title: t('field.verification'),
                dataIndex: 'verification',
                width: 100,
                render: (v: Provider['verification']) => (
                  <VerificationTag status={v} text={label('verificationStatus', v)} />
                ),
              },
              {
                title: t('field.rating'),
                dataIndex: 'rating',
                width: 90,
                render: (r: number | null) => r ?? '—',
              },
              {
                title: t('field.actions'),
                key: 'actions',
                fixed: wide ? 'right' : undefined,
                width: 80,
                render: (_v, p) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate(`/organizations/${p.id}`)}
                  >
                    {t('common:action.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </QueryState>
      <ProviderFormModal
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(p) => navigate(`/organizations/${p.id}`)}
      />
    </PageContainer>
  );
}
