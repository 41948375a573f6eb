import { DatePicker, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { formatRate } from '@/features/dashboard/rates';
import { useLabel } from '@/lib/dictionaries';
import { BEIJING } from '@/lib/format';
import { useLeadReport } from './api';

type Row = components['schemas']['LeadReportRowDto'];
type Counts = components['schemas']['LeadReportCountsDto'];

/**
 * /reports/leads (线索统计): leads by source → triaged in time → linked or registered →
 * assisted, for the caller's area and a period of Beijing days (GET /api/reports/leads).
 */
export function LeadReportPage() {
  const { t } = useTranslation('leads');
  const label = useLabel();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(BEIJING);
    return [today.subtract(29, 'day'), today];
  });
  const report = useLeadReport(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  // A count and its share of the leads reported, e.g. 「8（80.0%）」.
  const share = (count: number, of: number) =>
    of === 0 ? String(count) : t('report.ofAndRate', { count, rate: formatRate(count / of) });
  const rows: Array<(Row | (Counts & { source: 'total' })) & { key: string }> = report.data
    ? [
        ...report.data.rows.map((r) => ({ ...r, key: r.source })),
        { ...report.data.total, source: 'total' as const, key: 'total' },
      ]
    : [];
  return (
    <PageContainer title={t('report.title')}>
      <DatePicker.RangePicker
        aria-label={t('report.period')}
        allowClear={false}
        value={range}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('report.help')}
      </Typography.Paragraph>
      <QueryState isLoading={report.isLoading} error={report.error}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('report.empty') }}
          columns={[
            {
              title: t('report.source'),
              dataIndex: 'source',
              render: (s: string) =>
                s === 'total' ? <strong>{t('report.total')}</strong> : label('leadSource', s),
            },
            { title: t('report.reported'), dataIndex: 'reported', align: 'right' },
            {
              title: t('report.triagedInTime'),
              align: 'right',
              render: (_v, r) => share(r.triagedInTime, r.reported),
            },
            {
              title: t('report.linkedOrRegistered'),
              align: 'right',
              render: (_v, r) => share(r.linkedOrRegistered, r.reported),
            },
            {
              title: t('report.assisted'),
              align: 'right',
              render: (_v, r) => share(r.assisted, r.reported),
            },
            { title: t('report.closed'), dataIndex: 'closed', align: 'right' },
          ]}
        />
      </QueryState>
    </PageContainer>
  );
}
