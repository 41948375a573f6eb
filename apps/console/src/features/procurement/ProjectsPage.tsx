import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useAreasInScope } from '@/features/areas/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type Project, type ProjectStatus, useProjects } from './api';
import { ProjectStatusTag } from './status';

/** The area's service projects by status, searched by title; a new tender from here. */
export function ProjectsPage() {
  const { t } = useTranslation(['procurement', 'common']);
  const label = useLabel();
  // The statuses, in the domain's order, are the API's dictionary: the console keeps no copy.
  const statuses = useOptions('projectStatus');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ProjectStatus | null) ?? undefined;
  const [title, setTitle] = useState('');
  const projects = useProjects(status);
  const areas = useAreasInScope();
  const areaName = (id: string) => areas.data?.find((a) => a.id === id)?.name ?? '—';
  const needle = title.trim();
  const rows = (projects.data?.items ?? []).filter((p) => !needle || p.title.includes(needle));

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/procurement/new')}>
          {t('create')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Segmented
            aria-label={t('search.status')}
            value={status ?? 'all'}
            onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) })}
            options={[{ value: 'all', label: t('search.all') }, ...statuses]}
          />
          <Input.Search
            aria-label={t('search.title')}
            placeholder={t('search.title')}
            allowClear
            style={{ width: 260 }}
            onSearch={setTitle}
          />
        </Space>
      </Card>
      <Card size="small">
        <QueryState isLoading={projects.isLoading} error={projects.error}>
          <Table<Project>
            rowKey="id"
            size="middle"
            dataSource={rows}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              pageSize: 20,
              showTotal: (total) => t('common:pagination.total', { total }),
            }}
            columns={[
              {
                title: t('field.title'),
                dataIndex: 'title',
                render: (v: string, p) => <Link to={`/procurement/${p.id}`}>{v}</Link>,
              },
              {
                title: t('field.category'),
                dataIndex: 'categoryCode',
                width: 130,
                render: (c: string) => label('category', c),
              },
              {
                title: t('field.area'),
                dataIndex: 'areaId',
                width: 140,
                render: (id: string) => areaName(id),
              },
              {
                title: t('field.budget'),
                dataIndex: 'budgetFen',
                width: 150,
                align: 'right',
                render: (f: number) => formatYuan(f),
              },
              {
                title: t('field.status'),
                dataIndex: 'status',
                width: 120,
                render: (s: ProjectStatus) => <ProjectStatusTag status={s} />,
              },
              {
                title: t('field.closesAt'),
                dataIndex: 'closesAt',
                width: 160,
                render: (v: string | null) => formatTime(v),
              },
              { title: t('field.bidCount'), dataIndex: 'bidCount', width: 80, align: 'right' },
            ]}
          />
        </QueryState>
      </Card>
    </PageContainer>
  );
}
