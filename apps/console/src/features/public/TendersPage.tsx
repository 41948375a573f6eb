import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { formatTime, formatYuan } from '@/lib/format';
import { useReleasePackages } from './api';
import { currentAward, fenOf, latestRelease, type OcdsRelease, TENDER_STATUS_COLOR } from './ocds';

const LIMIT = 20;

/** Published tenders, newest first, with where each stands (the latest OCDS release). */
export function TendersPage() {
  const { t } = useTranslation('public');
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const query = useReleasePackages(page, LIMIT);
  const rows = (query.data?.items ?? []).map(latestRelease);

  const columns: ColumnsType<OcdsRelease> = [
    {
      title: t('tenders.project'),
      key: 'title',
      width: 260,
      render: (_, r) => <Link to={`/public/tenders/${r.tender.id}`}>{r.tender.title}</Link>,
    },
    { title: t('tenders.buyer'), key: 'buyer', render: (_, r) => r.buyer?.name ?? '—' },
    {
      title: t('tenders.budget'),
      key: 'budget',
      width: 130,
      align: 'right',
      render: (_, r) => formatYuan(fenOf(r.tender.value)),
    },
    {
      title: t('tenders.status'),
      key: 'status',
      width: 90,
      render: (_, r) => (
        <Tag color={TENDER_STATUS_COLOR[r.tender.status]}>
          {t(`status.tender.${r.tender.status}`, { defaultValue: r.tender.status })}
        </Tag>
      ),
    },
    {
      title: t('tenders.stage'),
      key: 'stage',
      width: 110,
      render: (_, r) =>
        r.tag.map((tag) => t(`status.tag.${tag}`, { defaultValue: tag })).join('、'),
    },
    {
      title: t('tenders.published'),
      key: 'published',
      render: (_, r) => formatTime(r.tender.tenderPeriod?.startDate),
    },
    {
      title: t('tenders.deadline'),
      key: 'deadline',
      render: (_, r) => formatTime(r.tender.tenderPeriod?.endDate),
    },
    {
      title: t('tenders.awarded'),
      key: 'awarded',
      render: (_, r) =>
        currentAward(r)
          ?.suppliers?.map((s) => s.name)
          .join('、') ?? '—',
    },
    {
      title: t('tenders.contract'),
      key: 'contract',
      align: 'right',
      render: (_, r) => (r.contracts?.[0] ? formatYuan(fenOf(r.contracts[0].value)) : '—'),
    },
  ];

  return (
    <PageContainer title={t('tenders.title')} subTitle={t('tenders.subTitle')}>
      <QueryState
        isLoading={query.isLoading}
        error={query.error}
        empty={query.data?.total === 0}
        emptyText={t('tenders.empty')}
        onRetry={() => void query.refetch()}
      >
        <Table<OcdsRelease>
          rowKey={(r) => r.ocid}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: LIMIT,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}),
          }}
        />
      </QueryState>
    </PageContainer>
  );
}
