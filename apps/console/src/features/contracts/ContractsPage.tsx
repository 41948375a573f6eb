import { Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatYuan } from '@/lib/format';
import { type Contract, useContracts } from './api';
import { ContractStatusTag } from './status';

const PAGE_SIZE = 20;

/** Staff: their area's contracts; an organization: its own. The API decides which. */
export function ContractsPage() {
  const { t } = useTranslation(['contracts', 'common']);
  const label = useLabel();
  const me = useMe();
  const [page, setPage] = useState(1);
  const contracts = useContracts(page, PAGE_SIZE);
  const provider = me.role === 'provider';

  return (
    <PageContainer
      title={t('title')}
      subTitle={provider ? t('subTitleProvider') : t('subTitleStaff')}
    >
      <QueryState
        isLoading={contracts.isLoading}
        error={contracts.error}
        onRetry={() => void contracts.refetch()}
      >
        <Card size="small">
          <Table<Contract>
            rowKey="id"
            dataSource={contracts.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: contracts.data?.total ?? 0,
              onChange: setPage,
              showTotal: (total) => t('common:pagination.total', { total }),
            }}
            columns={[
              {
                title: t('field.title'),
                dataIndex: 'title',
                render: (title: string, c) => <Link to={`/contracts/${c.id}`}>{title}</Link>,
              },
              ...(provider
                ? []
                : [{ title: t('field.provider'), dataIndex: 'providerName', width: 200 }]),
              {
                title: t('field.value'),
                dataIndex: 'valueFen',
                width: 140,
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('field.period'),
                key: 'period',
                width: 210,
                render: (_v, c) => `${formatDate(c.periodStart)} ~ ${formatDate(c.periodEnd)}`,
              },
              {
                title: t('field.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: Contract['status']) => <ContractStatusTag status={s} />,
              },
              {
                title: t('field.nextDue'),
                dataIndex: 'nextMilestoneDue',
                width: 140,
                render: (d: string | null, c) =>
                  d ? formatDate(d) : c.status === 'active' ? t('allDecided') : '—',
              },
              {
                title: t('field.latestGrade'),
                dataIndex: 'latestGrade',
                width: 120,
                render: (g: Contract['latestGrade']) => (g ? label('grade', g) : '—'),
              },
              {
                title: t('field.actions'),
                key: 'actions',
                width: 80,
                render: (_v, c) => <Link to={`/contracts/${c.id}`}>{t('common:action.view')}</Link>,
              },
            ]}
          />
        </Card>
      </QueryState>
    </PageContainer>
  );
}
