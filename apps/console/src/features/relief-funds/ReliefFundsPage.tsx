import { WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { isStaff, useMe } from '@/lib/auth';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import { type FundQuery, type ReliefFund, useFunds } from './api';

/**
 * /relief-funds: the funds the caller may draw on or manage — their area's, those above it and
 * those inside their scope — with the balance and a warning below the alert threshold.
 */
export function ReliefFundsPage() {
  const { t } = useTranslation('reliefFunds');
  const label = useLabel();
  const me = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState<FundQuery>({ page: 1, limit: 20 });
  const funds = useFunds(query);
  const kinds = useOptions('fundKind');

  return (
    <PageContainer
      title={t('list.title')}
      extra={
        isStaff(me) && (
          <Button type="primary" onClick={() => void navigate('/relief-funds/new')}>
            {t('list.create')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('list.allKinds')}
          style={{ width: 160 }}
          options={kinds}
          onChange={(kind?: FundQuery['kind']) => setQuery((q) => ({ ...q, kind, page: 1 }))}
        />
      </Flex>
      <QueryState isLoading={false} error={funds.error}>
        <Table<ReliefFund>
          rowKey="id"
          size="small"
          loading={funds.isLoading}
          dataSource={funds.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: query.page,
            pageSize: query.limit,
            total: funds.data?.total ?? 0,
            onChange: (page, limit) => setQuery((q) => ({ ...q, page, limit })),
          }}
          columns={[
            {
              title: t('list.name'),
              dataIndex: 'name',
              render: (name: string, f) => <Link to={`/relief-funds/${f.id}`}>{name}</Link>,
            },
            {
              title: t('list.kind'),
              dataIndex: 'kind',
              render: (k: string) => label('fundKind', k),
            },
            { title: t('list.area'), dataIndex: 'areaName' },
            {
              title: t('list.balance'),
              key: 'balance',
              align: 'right',
              render: (_v, f) => (
                <span>
                  {formatYuan(f.balanceFen)}{' '}
                  {f.belowThreshold && f.status === 'active' && (
                    <Tag color="red" icon={<WarningOutlined />}>
                      {t('list.low')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              title: t('list.threshold'),
              dataIndex: 'thresholdFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            {
              title: t('list.period'),
              key: 'period',
              render: (_v, f) => `${f.periodStart} – ${f.periodEnd}`,
            },
            {
              title: t('list.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'active' ? 'green' : undefined}>{label('fundStatus', s)}</Tag>
              ),
            },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
