import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { api, downloadFile } from '@/lib/api';
import { useOptions } from '@/lib/dictionaries';
import { BEIJING } from '@/lib/format';
import { type CaseOutcomeGroup, type CaseOutcomesRow, useCaseOutcomes } from './api';
import { formatRate } from '@/features/dashboard/rates';

/**
 * The case outcome report: per adviser, community or street of the caller's area, what the
 * advisers' work changed for families — every figure as GET /api/reports/case-outcomes answers
 * it, downloadable as the API's Chinese workbook.
 */
export function CaseOutcomesPage() {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const groups = useOptions('caseOutcomeGroup');
  const [groupBy, setGroupBy] = useState<CaseOutcomeGroup>('community');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(BEIJING);
    return [today.subtract(364, 'day'), today];
  });
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const report = useCaseOutcomes({ ...period, groupBy });

  const download = async (format: 'csv' | 'xlsx') => {
    try {
      await downloadFile(
        api.GET('/api/reports/case-outcomes', {
          params: { query: { ...period, groupBy, format } },
          parseAs: 'blob',
        }),
        `case-outcomes.${format}`,
      );
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const withRate = (count: number, rate: number | null) =>
    rate === null
      ? String(count)
      : t('caseOutcomes.countAndRate', { count, rate: formatRate(rate) });
  const ofAndRate = (count: number, of: number, rate: number | null) =>
    rate === null
      ? String(count)
      : t('caseOutcomes.ofAndRate', { count, of, rate: formatRate(rate) });
  const columns: ColumnsType<CaseOutcomesRow> = [
    {
      title: t('caseOutcomes.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, r) =>
        r.key === 'total'
          ? t('caseOutcomes.total')
          : r.key === ''
            ? t('caseOutcomes.unassigned')
            : name,
    },
    { title: t('caseOutcomes.col.caseload'), dataIndex: 'caseload', align: 'right' },
    {
      title: t('caseOutcomes.col.visitsOnTime'),
      dataIndex: 'visitsOnTime',
      align: 'right',
      render: (n: number, r) => ofAndRate(n, r.visitsDue, r.visitsOnTimeRate),
    },
    {
      title: t('caseOutcomes.col.plansAgreed'),
      dataIndex: 'plansAgreed',
      align: 'right',
      render: (n: number, r) => withRate(n, r.plansAgreedRate),
    },
    {
      title: t('caseOutcomes.col.goalsAchieved'),
      dataIndex: 'goalsAchieved',
      align: 'right',
      render: (n: number, r) => ofAndRate(n, r.goals, r.goalsAchievedRate),
    },
    { title: t('caseOutcomes.col.reassessments'), dataIndex: 'reassessments', align: 'right' },
    {
      title: t('caseOutcomes.col.scoreImproved'),
      dataIndex: 'scoreImproved',
      align: 'right',
      render: (n: number, r) => withRate(n, r.scoreImprovedRate),
    },
    {
      title: t('caseOutcomes.col.meanScoreChange'),
      dataIndex: 'meanScoreChange',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : String(v)),
    },
    {
      title: t('caseOutcomes.col.tierImproved'),
      dataIndex: 'tierImproved',
      align: 'right',
      render: (n: number, r) => withRate(n, r.tierImprovedRate),
    },
    { title: t('caseOutcomes.col.needsFulfilled'), dataIndex: 'needsFulfilled', align: 'right' },
    { title: t('caseOutcomes.col.left'), dataIndex: 'left', align: 'right' },
    { title: t('caseOutcomes.col.leftBefore'), dataIndex: 'leftBefore', align: 'right' },
    { title: t('caseOutcomes.col.cameBack'), dataIndex: 'cameBack', align: 'right' },
    {
      title: t('caseOutcomes.col.cameBackRate'),
      dataIndex: 'cameBackRate',
      align: 'right',
      render: formatRate,
    },
  ];

  return (
    <PageContainer
      title={t('caseOutcomes.title')}
      subTitle={
        report.data &&
        t('caseOutcomes.subtitle', {
          area: report.data.area.name,
          from: report.data.period.from,
          to: report.data.period.to,
        })
      }
      extra={
        <>
          <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')}>
            {t('caseOutcomes.downloadXlsx')}
          </Button>
          <Button onClick={() => void download('csv')}>{t('caseOutcomes.downloadCsv')}</Button>
        </>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('caseOutcomes.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as CaseOutcomeGroup)}
          options={groups}
        />
        <DatePicker.RangePicker
          aria-label={t('caseOutcomes.period')}
          allowClear={false}
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('caseOutcomes.help')}
      </Typography.Paragraph>
      <QueryState isLoading={report.isLoading} error={report.error}>
        <Table<CaseOutcomesRow>
          size="small"
          rowKey={(r) => r.key || 'unassigned'}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('caseOutcomes.empty') }}
          dataSource={report.data ? [...report.data.rows, report.data.total] : []}
          columns={columns}
          onRow={(r) => (r.key === 'total' ? { style: { fontWeight: 600 } } : {})}
          data-testid="case-outcomes-table"
        />
      </QueryState>
    </PageContainer>
  );
}
