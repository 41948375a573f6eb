import { Flex, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { api } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { type MissedAssistanceRow, useMissedAssistance } from './api';
import { DownloadXlsx } from './LedgerReportParts';

const MONTH_CHOICES = [1, 3, 6, 12];

/**
 * 遗漏救助: households of the area with open needs, no assistance from any source in the last
 * N months and no referral under way (GET /api/reports/missed-assistance) — no personal data,
 * each a link to its household page.
 */
export function MissedAssistancePage() {
  const { t } = useTranslation('reports');
  const label = useLabel();
  const [months, setMonths] = useState(3);
  const report = useMissedAssistance(months);

  return (
    <PageContainer
      title={t('ledger.missed.title')}
      subTitle={
        report.data &&
        t('ledger.missed.subtitle', { area: report.data.area.name, since: report.data.since })
      }
      extra={
        <DownloadXlsx
          filename="missed-assistance"
          request={() =>
            api.GET('/api/reports/missed-assistance', {
              params: { query: { months, format: 'xlsx' } },
              parseAs: 'blob',
            })
          }
        />
      }
    >
      <Flex wrap gap={24} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('ledger.missed.months')}
          value={months}
          onChange={(value) => setMonths(Number(value))}
          options={MONTH_CHOICES.map((n) => ({
            value: n,
            label: t('ledger.missed.nMonths', { n }),
          }))}
        />
        <Statistic
          title={t('ledger.missed.count')}
          value={report.data?.count ?? '—'}
          data-testid="missed-count"
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('ledger.missed.help')}
      </Typography.Paragraph>
      <QueryState isLoading={report.isLoading} error={report.error}>
        <Table<MissedAssistanceRow>
          size="small"
          rowKey="householdId"
          dataSource={report.data?.rows ?? []}
          locale={{ emptyText: t('ledger.missed.empty') }}
          columns={[
            {
              title: t('ledger.col.household'),
              dataIndex: 'householdId',
              render: (id: string) => <Link to={`/households/${id}`}>{id.slice(0, 8)}</Link>,
            },
            { title: t('ledger.col.community'), dataIndex: 'communityName' },
            {
              title: t('ledger.col.tier'),
              dataIndex: 'tier',
              render: (tier: string | null) => label('tier', tier),
            },
            {
              title: t('ledger.col.needs'),
              dataIndex: 'needCategories',
              render: (codes: string[]) => codes.map((c) => label('category', c)).join('、'),
            },
            {
              title: t('ledger.col.lastAssisted'),
              dataIndex: 'lastAssistedOn',
              render: (day: string | null) => day ?? t('ledger.never'),
            },
          ]}
          data-testid="missed-table"
        />
      </QueryState>
    </PageContainer>
  );
}
