import { Card, Col, Descriptions, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { DIMENSIONS } from '@/features/procurement/wizard';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatYuan } from '@/lib/format';
import type { TenderDetail } from './api';

type Milestone = components['schemas']['MilestonePlanDto'];
type Criterion = components['schemas']['CriterionDto'];

/**
 * A tender's terms as published: requirements, performance-evaluation weights, criteria and
 * weights, payment plan. One rendering for every reader — the bidders' tender page and the
 * staff's project overview — so the terms read the same to both sides.
 */
export function TenderTerms({ tender: x }: { tender: TenderDetail }) {
  const { t } = useTranslation('tenders');
  const label = useLabel();
  return (
    <>
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
                <Descriptions.Item key={dimension} label={label('evaluationDimension', dimension)}>
                  {x.evaluationWeights[dimension]}%
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('detail.criteria')} style={{ marginBottom: 16 }}>
            <CriteriaTable criteria={x.criteria} />
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
    </>
  );
}

/**
 * The tender's criteria and their weights (also above the panel's scoring cards, where
 * `titled` gives the table its own heading).
 */
export function CriteriaTable({ criteria, titled }: { criteria: Criterion[]; titled?: boolean }) {
  const { t } = useTranslation('tenders');
  return (
    <Table<Criterion>
      size="small"
      rowKey="code"
      pagination={false}
      title={titled ? () => t('detail.criteria') : undefined}
      dataSource={criteria}
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
  );
}
