import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { useAreaName } from '@/features/areas/AreaSelect';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import type { ProjectDetail } from './api';
import { DIMENSIONS } from './wizard';

type Milestone = components['schemas']['MilestonePlanDto'];
type Criterion = components['schemas']['CriterionDto'];

/** The tender as published (or as drafted): terms, requirements, criteria, payment plan. */
export function OverviewTab({ project: x }: { project: ProjectDetail }) {
  const { t } = useTranslation('procurement');
  const label = useLabel();
  const areaName = useAreaName();
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label={t('wizard.area')}>{areaName(x.areaId)}</Descriptions.Item>
          <Descriptions.Item label={t('wizard.category')}>
            {label('category', x.categoryCode)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.budget')}>{formatYuan(x.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label={t('wizard.target')}>{x.targetHouseholds}</Descriptions.Item>
          <Descriptions.Item label={t('wizard.servicePeriod')}>
            {formatDate(x.serviceStart)} ~ {formatDate(x.serviceEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.publishedAt')}>
            {formatTime(x.publishedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('wizard.closesAt')}>
            <span data-testid="closes-at">{formatTime(x.closesAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('project.closedAt')}>
            {formatTime(x.closedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.bidCount')}>{x.bidCount}</Descriptions.Item>
          {x.endReason && (
            <Descriptions.Item label={t('project.endReason')}>{x.endReason}</Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>{t('wizard.description')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {x.description}
        </Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('project.requirements')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('wizard.minWorkers')}>
                {x.requirements.minCertifiedSocialWorkers}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.minYears')}>
                {x.requirements.minYearsOperating}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.verifiedOnly')}>
                {x.requirements.verifiedOnly === false ? t('project.no') : t('project.yes')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('project.evaluation')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2}>
              {DIMENSIONS.map((d) => (
                <Descriptions.Item key={d} label={label('evaluationDimension', d)}>
                  {x.evaluationWeights[d]}%
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('project.criteria')} style={{ marginBottom: 16 }}>
            <Table<Criterion>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={x.criteria}
              columns={[
                { title: t('wizard.name'), dataIndex: 'name' },
                {
                  title: t('ranking.weight'),
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
      <Card size="small" title={t('project.payment')}>
        <Table<Milestone>
          size="small"
          rowKey={(m) => `${m.dueDate}-${m.deliverable}`}
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={x.milestones}
          columns={[
            { title: t('wizard.deliverable'), dataIndex: 'deliverable' },
            { title: t('wizard.dueDate'), dataIndex: 'dueDate', width: 120 },
            {
              title: t('wizard.share'),
              dataIndex: 'sharePercent',
              width: 110,
              align: 'right',
              render: (s: number) => `${s}%`,
            },
            {
              title: t('wizard.amount'),
              key: 'amount',
              width: 180,
              align: 'right',
              render: (_v, m) => formatYuan(Math.round((x.budgetFen * m.sharePercent) / 100)),
            },
          ]}
        />
      </Card>
    </>
  );
}
