import { Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { components } from '@/api/generated/schema';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useArea } from '@/features/areas/api';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { useTender } from './api';
import { AwardCard } from './AwardCard';
import { MyBidCard } from './MyBidCard';

type Milestone = components['schemas']['MilestonePlanDto'];
type Criterion = components['schemas']['CriterionDto'];

const DIMENSIONS = [
  'administrativeSupervision',
  'serviceOutcomes',
  'projectManagement',
  'socialImpact',
] as const;

/**
 * One tender: terms, requirements, criteria and weights, payment plan, deadline; for a
 * provider also its own bid (the form while open) and the award notice addressed to it.
 */
export function TenderPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['tenders', 'common']);
  const label = useLabel();
  const tender = useTender(id);
  const x = tender.data;
  const area = useArea(x?.areaId);
  const me = useMe();
  const provider = me.role === 'provider';
  const myAwards = provider ? (x?.awards ?? []).filter((a) => a.providerId === me.providerId) : [];

  return (
    <PageContainer
      title={x?.title ?? t('detail.basic')}
      crumbs={[[t('title'), '/tenders']]}
      extra={x && <Tag color="blue">{label('projectStatus', x.status)}</Tag>}
    >
      <QueryState isLoading={tender.isLoading} error={tender.error}>
        {x && (
          <>
            {myAwards.map((a) => (
              <AwardCard key={a.id} project={x} award={a} />
            ))}
            <Card size="small" title={t('detail.basic')} style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
                <Descriptions.Item label={t('field.area')}>
                  {area.data?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.category')}>
                  {label('category', x.categoryCode)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.budget')}>
                  {formatYuan(x.budgetFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.target')}>
                  {x.targetHouseholds}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.servicePeriod')}>
                  {formatDate(x.serviceStart)} ~ {formatDate(x.serviceEnd)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.publishedAt')}>
                  {formatTime(x.publishedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.closesAt')}>
                  <Typography.Text strong data-testid="closes-at">
                    {formatTime(x.closesAt)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('field.bidCount')}>{x.bidCount}</Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5}>{t('detail.description')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {x.description}
              </Typography.Paragraph>
            </Card>
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('detail.requirements')} style={{ marginBottom: 16 }}>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('detail.minWorkers')}>
                      {t('detail.minWorkersValue', {
                        count: x.requirements.minCertifiedSocialWorkers,
                      })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.minYears')}>
                      {t('detail.minYearsValue', { count: x.requirements.minYearsOperating })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.verifiedOnly')}>
                      {x.requirements.verifiedOnly === false ? t('detail.no') : t('detail.yes')}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                <Card size="small" title={t('detail.evaluation')} style={{ marginBottom: 16 }}>
                  <Descriptions size="small" column={1}>
                    {DIMENSIONS.map((dimension) => (
                      <Descriptions.Item
                        key={dimension}
                        label={label('evaluationDimension', dimension)}
                      >
                        {x.evaluationWeights[dimension]}%
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('detail.criteria')} style={{ marginBottom: 16 }}>
                  <Table<Criterion>
                    size="small"
                    rowKey="code"
                    pagination={false}
                    dataSource={x.criteria}
                    columns={[
                      { title: t('detail.criterion'), dataIndex: 'name' },
                      {
                        title: t('detail.weight'),
                        dataIndex: 'weight',
                        width: 90,
                        align: 'right',
                        render: (w: number) => `${w}%`,
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('detail.payment')}>
              <Table<Milestone>
                size="small"
                rowKey={(m) => `${m.dueDate}-${m.deliverable}`}
                pagination={false}
                scroll={{ x: 700 }}
                dataSource={x.milestones}
                columns={[
                  { title: t('detail.deliverable'), dataIndex: 'deliverable' },
                  {
                    title: t('detail.dueDate'),
                    dataIndex: 'dueDate',
                    width: 120,
                    render: (d: string) => formatDate(d),
                  },
                  {
                    title: t('detail.share'),
                    dataIndex: 'sharePercent',
                    width: 80,
                    align: 'right',
                    render: (s: number) => `${s}%`,
                  },
                  {
                    title: t('detail.amount'),
                    key: 'amount',
                    width: 170,
                    align: 'right',
                    // Shares of the contract value; before award the budget ceiling is the bound.
                    render: (_v, m) => formatYuan(Math.round((x.budgetFen * m.sharePercent) / 100)),
                  },
                ]}
              />
            </Card>
            {provider && (
              <div style={{ marginTop: 16 }}>
                <MyBidCard project={x} />
              </div>
            )}
          </>
        )}
      </QueryState>
    </PageContainer>
  );
}
