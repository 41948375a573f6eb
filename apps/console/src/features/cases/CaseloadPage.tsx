import { Card, Flex, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useAuth } from '@/lib/auth';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import { type Case, type CaseStatus, useCaseload } from './api';
import { DueVisits } from './visits/DueVisits';

/**
 * /cases — the caseload: an assessor's own cases by default (`?scope=all` for every case in
 * their area), staff's whole area by default; open cases unless another status is chosen.
 * One's own caseload starts with the visits due on it, the most pressing first.
 */
export function CaseloadPage() {
  const { t } = useTranslation(['cases', 'common']);
  const label = useLabel();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const mine = (params.get('scope') ?? (me?.role === 'assessor' ? 'mine' : 'all')) === 'mine';
  const status = (params.get('status') ?? 'open') as CaseStatus | 'any';
  const page = Number(params.get('page') ?? 1);
  const statusOptions = useOptions('caseStatus');
  const list = useCaseload({ mine, status: status === 'any' ? undefined : status, page });

  const update = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), page: '1', ...next });

  const columns: ColumnsType<Case> = [
    {
      title: t('col.head'),
      dataIndex: 'headName',
      render: (name: string | null, c) => <Link to={`/cases/${c.id}`}>{name ?? t('unnamed')}</Link>,
    },
    { title: t('col.community'), dataIndex: 'communityName' },
    {
      title: t('col.adviser'),
      dataIndex: 'adviserName',
      render: (name: string | null) => name ?? <Tag>{t('unassigned')}</Tag>,
    },
    {
      title: t('col.status'),
      dataIndex: 'status',
      render: (s: CaseStatus) => (
        <Tag color={s === 'open' ? 'green' : undefined}>{label('caseStatus', s)}</Tag>
      ),
    },
    { title: t('col.openedAt'), dataIndex: 'openedAt', render: formatDate },
    {
      title: t('col.actions'),
      key: 'actions',
      render: (_, c) => <Link to={`/cases/${c.id}`}>{t('common:action.view')}</Link>,
    },
  ];

  return (
    <PageContainer title={mine ? t('mineTitle') : t('title')} subTitle={t('subTitle')}>
      {mine && (
        <div style={{ marginBottom: 16 }}>
          <DueVisits />
        </div>
      )}
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={mine ? 'mine' : 'all'}
            onChange={(v) => update({ scope: String(v) })}
            options={[
              { value: 'mine', label: t('scope.mine') },
              { value: 'all', label: t('scope.all') },
            ]}
          />
          <Select
            aria-label={t('col.status')}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => update({ status: v })}
            options={[{ value: 'any', label: t('anyStatus') }, ...statusOptions]}
          />
        </Flex>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => update({ page: String(p) }),
            }}
          />
        </QueryState>
      </Card>
    </PageContainer>
  );
}
