import { Flex, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { api } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import { type AssistanceDuplicate, type DuplicateBenefit, useAssistanceDuplicates } from './api';
import { DownloadXlsx, useMonthRange } from './LedgerReportParts';

/**
 * 重复救助: the same benefit twice for one household in one period, from any sources
 * (GET /api/reports/assistance-duplicates), each pair with both sources side by side.
 */
export function AssistanceDuplicatesPage() {
  const { t } = useTranslation('reports');
  const label = useLabel();
  const { months, picker } = useMonthRange();
  const report = useAssistanceDuplicates(months);

  const benefit = (b: DuplicateBenefit) => (
    <div>
      <div>
        <Typography.Text strong>{label('assistanceSource', b.source)}</Typography.Text> ·{' '}
        {b.grantedBy}
      </div>
      <div>
        {b.title} · {label('assistanceFrequency', b.frequency)} · {formatYuan(b.amountFen)}
        {b.frequency === 'monthly' ? t('ledger.perMonth') : ''}
      </div>
      <Typography.Text type="secondary">
        {b.frequency === 'one_off'
          ? b.startsOn
          : t('ledger.duplicates.span', { from: b.startsOn, to: b.endsOn ?? t('ledger.running') })}
      </Typography.Text>
    </div>
  );

  return (
    <PageContainer
      title={t('ledger.duplicates.title')}
      subTitle={
        report.data &&
        t('ledger.subtitle', {
          area: report.data.area.name,
          from: report.data.period.from,
          to: report.data.period.to,
        })
      }
      extra={
        <DownloadXlsx
          filename="assistance-duplicates"
          request={() =>
            api.GET('/api/reports/assistance-duplicates', {
              params: { query: { ...months, format: 'xlsx' } },
              parseAs: 'blob',
            })
          }
        />
      }
    >
      <Flex wrap gap={24} align="center" style={{ marginBottom: 12 }}>
        {picker}
        <Statistic
          title={t('ledger.duplicates.count')}
          value={report.data?.count ?? '—'}
          data-testid="duplicates-count"
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('ledger.duplicates.help')}
      </Typography.Paragraph>
      <QueryState isLoading={report.isLoading} error={report.error}>
        <Table<AssistanceDuplicate>
          size="small"
          rowKey={(p) => `${p.first.entryId}:${p.second.entryId}`}
          dataSource={report.data?.rows ?? []}
          locale={{ emptyText: t('ledger.duplicates.empty') }}
          columns={[
            {
              title: t('ledger.col.household'),
              dataIndex: 'householdId',
              render: (id: string) => <Link to={`/households/${id}`}>{id.slice(0, 8)}</Link>,
            },
            { title: t('ledger.col.community'), dataIndex: 'communityName' },
            {
              title: t('ledger.col.category'),
              dataIndex: 'categoryCode',
              render: (code: string) => label('category', code),
            },
            {
              title: t('ledger.duplicates.first'),
              dataIndex: 'first',
              render: benefit,
            },
            {
              title: t('ledger.duplicates.second'),
              dataIndex: 'second',
              render: benefit,
            },
          ]}
          data-testid="duplicates-table"
        />
      </QueryState>
    </PageContainer>
  );
}
