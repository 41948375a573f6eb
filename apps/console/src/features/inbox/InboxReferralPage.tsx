import { Alert, Card, Col, Descriptions, Row, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useDueSoonHours } from '@/features/approvals/api';
import { STATUS_COLORS } from '@/features/referrals/ReferralsPage';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type InboxReferralDetail, useInboxReferral } from './api';
import { ReferralActions } from './ReferralActions';
import { UrgentBadge } from './UrgentBadge';

/**
 * The household's contact as the API answers it: the household's own under its consent (the
 * read is logged by the API), otherwise the approving officer through whom to reach it.
 */
function ContactCard({ referral }: { referral: InboxReferralDetail }) {
  const { t } = useTranslation('inbox');
  const c = referral.contact;
  return (
    <Card title={t('contact.title')} size="small" data-testid="referral-contact">
      {!c ? (
        <Typography.Text type="secondary">{t('contact.none')}</Typography.Text>
      ) : c.kind === 'household' ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('contact.name')}>{c.name || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contact.phone')}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contact.address')}>{c.address ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('contact.noConsent', { officer: c.name })}
          />
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('contact.officer')}>{c.name}</Descriptions.Item>
            <Descriptions.Item label={t('contact.officerPhone')}>
              {c.phone ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Card>
  );
}

/** One referral from the provider's side: what is asked, by when, the contact, and the actions. */
export function InboxReferralPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['inbox', 'referrals', 'common']);
  const label = useLabel();
  const soonHours = useDueSoonHours();
  const referral = useInboxReferral(id);
  const r = referral.data;
  return (
    <PageContainer
      title={r ? (r.householdName ?? t('unnamed')) : t('detail')}
      subTitle={r?.resourceTitle}
      crumbs={[[t('title'), '/inbox']]}
      extra={r && <ReferralActions referral={r} size="middle" />}
    >
      <QueryState isLoading={referral.isLoading} error={referral.error}>
        {r && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('detailCard')}>
                <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
                  <Descriptions.Item label={t('col.status')}>
                    <Tag color={STATUS_COLORS[r.status]} data-testid="referral-status">
                      {label('referralStatus', r.status)}
                    </Tag>
                    {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.household')}>
                    {r.householdName ?? t('unnamed')}（{r.communityName}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.need')}>
                    {label('category', r.categoryCode)} · {label('urgency', r.urgency)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.resource')}>{r.resourceTitle}</Descriptions.Item>
                  <Descriptions.Item label={t('referrals:field.acceptDueAt')}>
                    {formatTime(r.acceptDueAt)}{' '}
                    {r.status === 'open' && (
                      <UrgentBadge deadline={r.acceptDueAt} soonHours={soonHours} />
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referrals:field.deliverDueAt')}>
                    {formatTime(r.deliverDueAt)}{' '}
                    {r.status === 'accepted' && (
                      <UrgentBadge deadline={r.deliverDueAt} soonHours={soonHours} />
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referrals:field.acceptedAt')}>
                    {formatTime(r.acceptedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referrals:delivery.at')}>
                    {formatTime(r.deliveredAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referrals:delivery.units')}>
                    {r.unitsDelivered ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('referrals:delivery.amount')}>
                    <span data-testid="delivered-amount">{formatYuan(r.amountDeliveredFen)}</span>
                  </Descriptions.Item>
                  {r.declineReason && (
                    <Descriptions.Item label={t('referrals:field.declineReason')}>
                      {label('declineReason', r.declineReason)}
                      {r.declineNote && `：${r.declineNote}`}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <ContactCard referral={r} />
            </Col>
            <Col span={24}>
              <Card title={t('referrals:history.title')} size="small">
                <Timeline
                  items={r.history.map((h) => ({
                    key: h.id,
                    children: (
                      <>
                        <Typography.Text strong>
                          {t(`referrals:history.action.${h.action}`, {
                            defaultValue: label('referralStatus', h.toState ?? h.action),
                          })}
                        </Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {formatTime(h.at)} · {label('role', h.actorRole)}
                        </Typography.Text>
                      </>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </PageContainer>
  );
}
