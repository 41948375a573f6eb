import { Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { api } from '@/lib/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import {
  type AssistanceGroup,
  type AssistanceMonth,
  type AssistanceRow,
  useAssistance,
  useAssistanceMonthly,
} from './api';
import { DownloadXlsx, useMonthRange } from './LedgerReportParts';

/** The dictionary group of each grouping's codes. */
const GROUP_DICTIONARY: Record<AssistanceGroup, string> = {
  source: 'assistanceSource',
  category: 'category',
  residency: 'residency',
  tier: 'tier',
  urbanRural: 'urbanRural',
};

/**
 * 救助台账统计: the bulletin tables of the assistance ledger (every source) over China calendar
 * months — household-times, amounts and households per source, category, residency, tier or
 * urban/rural, then per month — as GET /api/reports/assistance(/monthly) count them.
 */
export function AssistancePage() {
  const { t } = useTranslation('reports');
  const label = useLabel();
  const groups = useOptions('assistanceGroup');
  const [groupBy, setGroupBy] = useState<AssistanceGroup>('source');
  const { months, picker } = useMonthRange();
  const report = useAssistance({ ...months, groupBy });
  const monthly = useAssistanceMonthly(months);

  const figures = <Row extends AssistanceRow | AssistanceMonth>(): ColumnsType<Row> => [
    {
      title: t('ledger.col.householdTimes'),
      dataIndex: 'householdTimes',
      align: 'right',
    },
    {
      title: t('ledger.col.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    { title: t('ledger.col.households'), dataIndex: 'households', align: 'right' },
  ];
  const groupName = (key: string) =>
    key === 'total'
      ? t('ledger.total')
      : key === '' && groupBy === 'tier'
        ? t('ledger.noTier')
        : label(GROUP_DICTIONARY[groupBy], key);
  const bold = (key: string) => (key === 'total' ? { style: { fontWeight: 600 } } : {});

  return (
    <PageContainer
      title={t('ledger.assistance.title')}
      subTitle={
        report.data &&
        t('ledger.subtitle', {
          area: report.data.area.name,
          from: report.data.period.from,
          to: report.data.period.to,
        })
      }
      extra={
        <>
          <DownloadXlsx
            filename="assistance"
            request={() =>
              api.GET('/api/reports/assistance', {
                params: { query: { ...months, groupBy, format: 'xlsx' } },
                parseAs: 'blob',
              })
            }
          />
          <DownloadXlsx
            filename="assistance-monthly"
            label={t('ledger.assistance.downloadMonthly')}
            request={() =>
              api.GET('/api/reports/assistance/monthly', {
                params: { query: { ...months, format: 'xlsx' } },
                parseAs: 'blob',
              })
            }
          />
        </>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('ledger.assistance.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as AssistanceGroup)}
          options={groups}
        />
        {picker}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('ledger.assistance.help')}
      </Typography.Paragraph>
      <QueryState isLoading={report.isLoading} error={report.error}>
        <Table<AssistanceRow>
          size="small"
          rowKey={(r) => r.key || 'none'}
          pagination={false}
          dataSource={report.data ? [...report.data.rows, report.data.total] : []}
          columns={[
            {
              title: label('assistanceGroup', groupBy),
              dataIndex: 'key',
              render: (key: string) => groupName(key),
            },
            ...figures<AssistanceRow>(),
          ]}
          onRow={(r) => bold(r.key)}
          data-testid="assistance-table"
        />
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('ledger.assistance.monthly')}
      </Typography.Title>
      <QueryState isLoading={monthly.isLoading} error={monthly.error}>
        <Table<AssistanceMonth>
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={monthly.data ? [...monthly.data.rows, monthly.data.total] : []}
          columns={[
            {
              title: t('ledger.col.month'),
              dataIndex: 'month',
              render: (month: string) => (month === 'total' ? t('ledger.total') : month),
            },
            ...figures<AssistanceMonth>(),
          ]}
          onRow={(r) => bold(r.month)}
          data-testid="assistance-monthly-table"
        />
      </QueryState>
    </PageContainer>
  );
}
