import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Row, Statistic, Table, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { api, call, downloadFile } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { BEIJING, formatYuan } from '@/lib/format';
import { CaseOutcomesCard } from './CaseOutcomesCard';
import { LedgerCard } from './LedgerCard';
import { Chart, ratesOption, trendOption } from './Chart';
import { MapCard } from './MapCard';
import { ratePercent } from './map';
import { formatRate, reasonTotals, trendMonths } from './rates';

type ContractRow = components['schemas']['ContractReportRowDto'];

type Report =
  'coverage' | 'coverage/monthly' | 'unmet-needs' | 'referral-sla' | 'resources' | 'contracts';

/** Read by screen readers (and the browser test), not shown: a chart's figures as a table. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The reports answer JSON or CSV by `format`; asked without it, the answer is the JSON one. */
const json = <T,>(answer: T | string): T => {
  if (typeof answer === 'string') throw new Error('expected a JSON report');
  return answer;
};

/**
 * The district's (or street's) picture: coverage by child area and by category, why needs are
 * unmet, referral deadlines and resource use — every figure as the reports API computes it, for
 * the caller's own area; each table downloadable as the API's Chinese CSV.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const label = useLabel();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(BEIJING);
    return [today.startOf('year'), today];
  });
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const months = trendMonths(period.from, period.to);

  const byArea = useQuery({
    queryKey: ['reports', 'coverage', 'area', period],
    queryFn: async () =>
      json(
        await call(
          api.GET('/api/reports/coverage', { params: { query: { ...period, groupBy: 'area' } } }),
        ),
      ),
  });
  const byCategory = useQuery({
    queryKey: ['reports', 'coverage', 'category', period],
    queryFn: async () =>
      json(
        await call(
          api.GET('/api/reports/coverage', {
            params: { query: { ...period, groupBy: 'category' } },
          }),
        ),
      ),
  });
  const trend = useQuery({
    queryKey: ['reports', 'coverage', 'monthly', months],
    queryFn: async () =>
      json(
        await call(api.GET('/api/reports/coverage/monthly', { params: { query: { ...months } } })),
      ),
  });
  // The map's outlines: the children of the area reported on (every city for admin).
  const scopeId = byArea.data?.area.id;
  const childAreas = useQuery({
    queryKey: ['areas', 'children', scopeId ?? null],
    enabled: byArea.data !== undefined,
    queryFn: async () =>
      (
        await call(
          api.GET('/api/areas', {
            params: {
              query: scopeId ? { parentId: scopeId, limit: 100 } : { level: 'city', limit: 100 },
            },
          }),
        )
      ).items,
  });
  const contracts = useQuery({
    queryKey: ['reports', 'contracts'],
    queryFn: async () =>
      json(await call(api.GET('/api/reports/contracts', { params: { query: {} } }))),
  });
  const unmet = useQuery({
    queryKey: ['reports', 'unmet'],
    queryFn: async () =>
      json(await call(api.GET('/api/reports/unmet-needs', { params: { query: {} } }))),
  });
  const sla = useQuery({
    queryKey: ['reports', 'sla', period],
    queryFn: async () =>
      json(await call(api.GET('/api/reports/referral-sla', { params: { query: { ...period } } }))),
  });
  const resources = useQuery({
    queryKey: ['reports', 'resources'],
    queryFn: async () =>
      json(
        await call(
          api.GET('/api/reports/resources', { params: { query: { groupBy: 'providerKind' } } }),
        ),
      ),
  });

  const download = async (
    report: Report,
    query: Record<string, string>,
    format: 'csv' | 'xlsx',
  ) => {
    try {
      await downloadFile(
        api.GET(`/api/reports/${report}` as '/api/reports/coverage', {
          params: { query: { ...query, format } },
          parseAs: 'blob',
        }),
        `${report}.${format}`,
      );
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const csvButton = (report: Report, query: Record<string, string> = {}) => (
    <Flex gap={8}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => void download(report, query, 'xlsx')}
      >
        {t('downloadXlsx')}
      </Button>
      <Button size="small" onClick={() => void download(report, query, 'csv')}>
        {t('downloadCsv')}
      </Button>
    </Flex>
  );

  const total = byArea.data?.total;
  const rates = (
    rows: { name: string; accessibilityRate: number | null; attainabilityRate: number | null }[],
  ) =>
    ratesOption(
      rows.map((r) => r.name),
      [
        { name: t('accessibilityRate'), values: rows.map((r) => r.accessibilityRate) },
        { name: t('attainabilityRate'), values: rows.map((r) => r.attainabilityRate) },
      ],
    );
  const reasons = reasonTotals(unmet.data?.total.reasons);

  return (
    <PageContainer
      title={t('title')}
      subTitle={
        byArea.data &&
        t('subtitle', { area: byArea.data.area.name, from: period.from, to: period.to })
      }
      extra={
        <DatePicker.RangePicker
          aria-label={t('period')}
          allowClear={false}
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
      }
    >
      <QueryState isLoading={byArea.isLoading} error={byArea.error}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <Card size="small">
              <Statistic
                title={t('householdsWithNeed')}
                value={total?.householdsWithNeed ?? 0}
                valueStyle={{ fontSize: 28 }}
              />
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card size="small">
              <Tooltip title={t('rateHelp')}>
                <Statistic
                  title={t('accessibilityRate')}
                  value={formatRate(total?.accessibilityRate)}
                  valueStyle={{ fontSize: 28, color: '#1677ff' }}
                  data-testid="total-accessibility"
                />
              </Tooltip>
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card size="small">
              <Tooltip title={t('rateHelp')}>
                <Statistic
                  title={t('attainabilityRate')}
                  value={formatRate(total?.attainabilityRate)}
                  valueStyle={{ fontSize: 28, color: '#389e0d' }}
                  data-testid="total-attainability"
                />
              </Tooltip>
            </Card>
          </Col>
          <Col span={24}>
            <CaseOutcomesCard period={period} />
          </Col>
          {/* ledger: reports */}
          <Col span={24}>
            <LedgerCard />
          </Col>
          <Col xs={24} xl={12}>
            <QueryState isLoading={childAreas.isLoading} error={childAreas.error}>
              <MapCard
                mapName={`onedoor-dashboard-${scopeId ?? 'all'}`}
                rows={byArea.data?.rows ?? []}
                areas={childAreas.data ?? []}
                extra={csvButton('coverage', { ...period, groupBy: 'area' })}
              />
            </QueryState>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('trend')} extra={csvButton('coverage/monthly', months)}>
              <QueryState isLoading={trend.isLoading} error={trend.error}>
                {trend.data && trend.data.rows.length > 0 ? (
                  <>
                    <Chart
                      label={t('trend')}
                      option={trendOption(
                        trend.data.rows.map((r) => r.month),
                        [
                          {
                            name: t('accessibilityRate'),
                            values: trend.data.rows.map((r) => ratePercent(r.accessibilityRate)),
                          },
                          {
                            name: t('attainabilityRate'),
                            values: trend.data.rows.map((r) => ratePercent(r.attainabilityRate)),
                          },
                        ],
                      )}
                    />
                    <table style={visuallyHidden} data-testid="trend-values">
                      <caption>{t('trend')}</caption>
                      <tbody>
                        {trend.data.rows.map((r) => (
                          <tr
                            key={r.month}
                            data-month={r.month}
                            data-accessibility={ratePercent(r.accessibilityRate) ?? ''}
                            data-attainability={ratePercent(r.attainabilityRate) ?? ''}
                          >
                            <th scope="row">{r.month}</th>
                            <td>{formatRate(r.accessibilityRate)}</td>
                            <td>{formatRate(r.attainabilityRate)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : (
                  <Flex justify="center">{t('noData')}</Flex>
                )}
              </QueryState>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('byArea')}
              extra={csvButton('coverage', { ...period, groupBy: 'area' })}
            >
              {byArea.data && byArea.data.rows.length > 0 ? (
                <Chart option={rates(byArea.data.rows)} />
              ) : (
                <Flex justify="center">{t('noData')}</Flex>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('byCategory')}
              extra={csvButton('coverage', { ...period, groupBy: 'category' })}
            >
              <QueryState isLoading={byCategory.isLoading} error={byCategory.error}>
                {byCategory.data && byCategory.data.rows.length > 0 ? (
                  <Chart
                    option={rates(
                      byCategory.data.rows.map((r) => ({ ...r, name: label('category', r.key) })),
                    )}
                  />
                ) : (
                  <Flex justify="center">{t('noData')}</Flex>
                )}
              </QueryState>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('unmetByReason')} extra={csvButton('unmet-needs')}>
              <QueryState isLoading={unmet.isLoading} error={unmet.error}>
                {unmet.data && (
                  <>
                    <div data-testid="unmet-total">
                      {t('unmetTotal', {
                        needs: unmet.data.total.needs,
                        households: unmet.data.total.households,
                      })}
                    </div>
                    <Chart
                      height={260}
                      option={{
                        tooltip: { trigger: 'item' },
                        series: [
                          {
                            type: 'pie',
                            radius: ['35%', '65%'],
                            data: reasons.map(([code, value]) => ({
                              name: label('unmetReason', code),
                              value,
                            })),
                          },
                        ],
                      }}
                    />
                  </>
                )}
              </QueryState>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={t('resources')}
              extra={csvButton('resources', { groupBy: 'providerKind' })}
            >
              <QueryState isLoading={resources.isLoading} error={resources.error}>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={resources.data?.rows ?? []}
                  columns={[
                    {
                      title: t('col.name'),
                      dataIndex: 'key',
                      render: (k: string) => label('providerKind', k),
                    },
                    { title: t('col.capacity'), dataIndex: 'capacity', align: 'right' },
                    { title: t('col.reserved'), dataIndex: 'reserved', align: 'right' },
                    { title: t('col.delivered'), dataIndex: 'delivered', align: 'right' },
                    { title: t('col.remaining'), dataIndex: 'remaining', align: 'right' },
                    {
                      title: t('col.shareUsed'),
                      dataIndex: 'shareUsed',
                      align: 'right',
                      render: formatRate,
                    },
                  ]}
                />
              </QueryState>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('referralSla')} extra={csvButton('referral-sla', period)}>
              <QueryState isLoading={sla.isLoading} error={sla.error}>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={[...(sla.data?.rows ?? []), ...(sla.data ? [sla.data.total] : [])]}
                  columns={[
                    { title: t('col.name'), dataIndex: 'name' },
                    { title: t('col.referrals'), dataIndex: 'referrals', align: 'right' },
                    {
                      title: t('col.acceptedRate'),
                      dataIndex: 'acceptedWithinDeadlineRate',
                      align: 'right',
                      render: formatRate,
                    },
                    {
                      title: t('col.deliveredRate'),
                      dataIndex: 'deliveredWithinDeadlineRate',
                      align: 'right',
                      render: formatRate,
                    },
                    { title: t('col.overdue'), dataIndex: 'overdue', align: 'right' },
                    { title: t('col.escalated'), dataIndex: 'escalated', align: 'right' },
                    {
                      title: t('col.medianAccept'),
                      dataIndex: 'medianHoursToAccept',
                      align: 'right',
                      render: (h: number | null) => (h === null ? '—' : h.toFixed(1)),
                    },
                  ]}
                />
              </QueryState>
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={t('contracts')}
              extra={csvButton('contracts')}
              data-testid="contracts"
            >
              <QueryState isLoading={contracts.isLoading} error={contracts.error}>
                <Table<ContractRow>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('noContracts') }}
                  dataSource={
                    contracts.data && contracts.data.rows.length > 0
                      ? [...contracts.data.rows, contracts.data.total]
                      : []
                  }
                  columns={[
                    { title: t('col.contract'), dataIndex: 'name' },
                    { title: t('col.provider'), dataIndex: 'providerName' },
                    {
                      title: t('col.status'),
                      dataIndex: 'status',
                      render: (s: string | null) => (s ? label('contractStatus', s) : ''),
                    },
                    {
                      title: t('col.value'),
                      dataIndex: 'valueFen',
                      align: 'right',
                      render: formatYuan,
                    },
                    {
                      title: t('col.milestones'),
                      key: 'milestones',
                      align: 'right',
                      render: (_: unknown, r) => `${r.milestonesMet} / ${r.milestones}`,
                    },
                    {
                      title: t('col.paid'),
                      dataIndex: 'paidFen',
                      align: 'right',
                      render: formatYuan,
                    },
                    {
                      title: t('col.waiting'),
                      dataIndex: 'waitingFen',
                      align: 'right',
                      render: formatYuan,
                    },
                    {
                      title: t('col.grade'),
                      key: 'grade',
                      render: (_: unknown, r) =>
                        r.latestGrade
                          ? `${label('grade', r.latestGrade)}（${r.latestScore ?? '—'}）`
                          : '—',
                    },
                    { title: t('col.referrals'), dataIndex: 'referrals', align: 'right' },
                  ]}
                />
              </QueryState>
            </Card>
          </Col>
        </Row>
      </QueryState>
    </PageContainer>
  );
}
