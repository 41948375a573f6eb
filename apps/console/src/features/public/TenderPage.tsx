import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { useReleasePackage } from './api';
import { saveBlob } from '@/lib/download';
import {
  fenOf,
  type OcdsPackage,
  type OcdsPeriod,
  type OcdsRelease,
  TENDER_STATUS_COLOR,
} from './ocds';

type Bid = NonNullable<NonNullable<OcdsRelease['bids']>['details']>[number];
type Award = NonNullable<OcdsRelease['awards']>[number];
type Contract = NonNullable<OcdsRelease['contracts']>[number];

function period(p: OcdsPeriod | undefined, time = true): string {
  const show = time ? formatTime : formatDate;
  return `${show(p?.startDate)} ~ ${show(p?.endDate)}`;
}

/** One published project from its OCDS package: tender, bids once opened, awards, contracts. */
export function TenderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('public');
  const label = useLabel();
  const query = useReleasePackage(id);
  const pkg = query.data as unknown as OcdsPackage | undefined;
  const r = pkg?.releases.at(-1);
  const item = r?.tender.items?.[0];
  const area = item?.additionalClassifications?.find((c) => c.scheme === 'x_onedoor_area');

  const download = () => {
    const blob = new Blob([JSON.stringify(pkg, null, 2)], { type: 'application/json' });
    saveBlob(blob, `${r?.ocid ?? id}.json`);
  };

  return (
    <PageContainer
      title={r?.tender.title ?? t('tender.title')}
      crumbs={[[t('tenders.title'), '/public/tenders']]}
      extra={
        r && (
          <Button icon={<DownloadOutlined />} onClick={download}>
            {t('tender.download')}
          </Button>
        )
      }
    >
      <QueryState
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
      >
        {r && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('tender.basics')}>
              <Descriptions
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
                size="small"
                bordered
              >
                <Descriptions.Item label={t('tenders.status')}>
                  <Tag color={TENDER_STATUS_COLOR[r.tender.status]}>
                    {t(`status.tender.${r.tender.status}`, { defaultValue: r.tender.status })}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('tenders.buyer')}>
                  {r.buyer?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tenders.budget')}>
                  {formatYuan(fenOf(r.tender.value))}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.category')}>
                  {label('category', item?.classification?.id)}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.area')}>
                  {area?.description ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.households')}>
                  {item?.quantity !== undefined
                    ? t('tender.householdsValue', { count: item.quantity })
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.tenderPeriod')}>
                  {period(r.tender.tenderPeriod)}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.contractPeriod')}>
                  {period(r.tender.contractPeriod, false)}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.method')}>
                  {r.tender.procurementMethodDetails ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.criteria')}>
                  {r.tender.awardCriteriaDetails ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.eligibility')} span={2}>
                  {r.tender.eligibilityCriteria ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tender.description')} span={2}>
                  {r.tender.description ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>

            <Card title={t('tender.bids')}>
              {r.bids?.details ? (
                <Table<Bid>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  dataSource={r.bids.details}
                  columns={[
                    {
                      title: t('tender.bidder'),
                      key: 'bidder',
                      render: (_, b) => b.tenderers?.map((x) => x.name).join('、'),
                    },
                    {
                      title: t('tender.price'),
                      key: 'price',
                      align: 'right',
                      render: (_, b) => formatYuan(fenOf(b.value)),
                    },
                    {
                      title: t('tender.bidStatus'),
                      key: 'status',
                      render: (_, b) =>
                        t(`status.bid.${b.status}`, { defaultValue: b.status ?? '—' }),
                    },
                    {
                      title: t('tender.submitted'),
                      key: 'date',
                      render: (_, b) => formatTime(b.date),
                    },
                  ]}
                />
              ) : (
                <Alert type="info" showIcon message={t('tender.sealed')} />
              )}
            </Card>

            <Card title={t('tender.awards')}>
              {r.awards?.length ? (
                <Table<Award>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  dataSource={r.awards}
                  columns={[
                    {
                      title: t('tender.supplier'),
                      key: 'supplier',
                      render: (_, a) => a.suppliers?.map((s) => s.name).join('、'),
                    },
                    {
                      title: t('tender.awardValue'),
                      key: 'value',
                      align: 'right',
                      render: (_, a) => formatYuan(fenOf(a.value)),
                    },
                    {
                      title: t('tender.awardStatus'),
                      key: 'status',
                      render: (_, a) => t(`status.award.${a.status}`, { defaultValue: a.status }),
                    },
                    {
                      title: t('tender.awardDate'),
                      key: 'date',
                      render: (_, a) => formatTime(a.date),
                    },
                  ]}
                />
              ) : (
                <Empty description={t('tender.noAwards')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>

            {r.contracts?.length ? (
              <Card title={t('tender.contracts')}>
                <Table<Contract>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 700 }}
                  dataSource={r.contracts}
                  columns={[
                    { title: t('tender.contractTitle'), key: 'title', render: (_, c) => c.title },
                    {
                      title: t('tender.contractValue'),
                      key: 'value',
                      align: 'right',
                      render: (_, c) => formatYuan(fenOf(c.value)),
                    },
                    {
                      title: t('tender.paid'),
                      key: 'paid',
                      align: 'right',
                      render: (_, c) =>
                        formatYuan(
                          (c.implementation?.transactions ?? []).reduce(
                            (sum, x) => sum + (fenOf(x.value) ?? 0),
                            0,
                          ),
                        ),
                    },
                    {
                      title: t('tender.signed'),
                      key: 'signed',
                      render: (_, c) => formatDate(c.dateSigned),
                    },
                    {
                      title: t('tender.period'),
                      key: 'period',
                      render: (_, c) => period(c.period, false),
                    },
                    {
                      title: t('tender.contractStatus'),
                      key: 'status',
                      render: (_, c) =>
                        t(`status.contract.${c.status}`, { defaultValue: c.status }),
                    },
                  ]}
                />
              </Card>
            ) : null}

            <Card title={t('tender.releases')}>
              <Timeline
                items={pkg!.releases.map((rel) => ({
                  key: rel.id,
                  children: `${formatTime(rel.date)}  ${rel.tag
                    .map((tag) => t(`status.tag.${tag}`, { defaultValue: tag }))
                    .join('、')}`,
                }))}
              />
            </Card>
          </Space>
        )}
      </QueryState>
    </PageContainer>
  );
}
