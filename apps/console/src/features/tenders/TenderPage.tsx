import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useArea } from '@/features/areas/api';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { useTender } from './api';
import { AwardCard } from './AwardCard';
import { MyBidCard } from './MyBidCard';
import { TenderTerms } from './TenderTerms';

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
            <TenderTerms tender={x} />
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
