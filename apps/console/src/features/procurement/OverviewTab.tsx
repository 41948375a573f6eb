import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '@/features/areas/AreaSelect';
import { TenderTerms } from '@/features/tenders/TenderTerms';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import type { ProjectDetail } from './api';

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
      <TenderTerms tender={x} />
    </>
  );
}
