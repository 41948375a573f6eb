import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type ReferralDetail, useReferral } from './api';
import { STATUS_COLORS } from './ReferralsPage';

interface Snapshot {
  score?: number;
  decidedAt?: string;
  decidedBy?: { username?: string; role?: string };
  need?: { categoryCode?: string; urgency?: string; severity?: number };
  resource?: { title?: string; form?: string; serviceLevel?: string; version?: number };
  household?: {
    tier?: string | null;
    facts?: {
      circle?: number;
      householdSize?: number;
      memberAges?: number[];
      perCapitaIncomeRatio?: number;
      hasDisability?: boolean;
      hasChronicIllness?: boolean;
      residency?: string;
    };
  };
  explanation?: { factor: string; contribution: number }[];
}

function SnapshotCard({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation('referrals');
  const label = useLabel();
  const facts = snapshot.household?.facts;
  const yesNo = (v?: boolean) => (v === undefined ? '—' : v ? t('yes') : t('no'));
  return (
    <Card title={t('snapshot.title')} size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered>
        <Descriptions.Item label={t('snapshot.decidedBy')}>
          {snapshot.decidedBy?.username ?? '—'}（{label('role', snapshot.decidedBy?.role)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('snapshot.decidedAt')}>
          {formatTime(snapshot.decidedAt)}
        </Descriptions.Item>
        {snapshot.household && (
          <>
            <Descriptions.Item label={t('snapshot.tier')}>
              {label('tier', snapshot.household.tier)}
            </Descriptions.Item>
            <Descriptions.Item label={t('snapshot.circle')}>
              {label('circle', facts?.circle === undefined ? null : String(facts.circle))}
            </Descriptions.Item>
            <Descriptions.Item label={t('snapshot.size')}>
              {facts?.householdSize ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('snapshot.ages')}>
              {facts?.memberAges?.join('、') ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('snapshot.incomeRatio')}>
              {facts?.perCapitaIncomeRatio === undefined
                ? '—'
                : t('snapshot.ratio', { value: facts.perCapitaIncomeRatio.toFixed(2) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('snapshot.health')}>
              {t('snapshot.disability')}：{yesNo(facts?.hasDisability)}；{t('snapshot.chronic')}：
              {yesNo(facts?.hasChronicIllness)}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('snapshot.need')}>
          {label('category', snapshot.need?.categoryCode)} ·{' '}
          {label('urgency', snapshot.need?.urgency)} ·{' '}
          {t('snapshot.severity', { value: snapshot.need?.severity ?? '—' })}
        </Descriptions.Item>
        <Descriptions.Item label={t('snapshot.resource')}>
          {snapshot.resource?.title ?? '—'} · {label('resourceForm', snapshot.resource?.form)} ·{' '}
          {label('serviceLevel', snapshot.resource?.serviceLevel)}
        </Descriptions.Item>
        <Descriptions.Item label={t('snapshot.score')} span={2}>
          <Flex wrap gap={4} align="center">
            <Typography.Text strong>{snapshot.score?.toFixed(2) ?? '—'}</Typography.Text>
            {(snapshot.explanation ?? []).map((e) => (
              <Tag key={e.factor}>
                {label('explanationFactor', e.factor)} +{e.contribution.toFixed(2)}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function History({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation('referrals');
  const label = useLabel();
  return (
    <Card title={t('history.title')} size="small">
      {referral.history.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          items={referral.history.map((h) => ({
            key: h.id,
            children: (
              <>
                <Typography.Text strong>
                  {i18n.exists(`referrals:history.action.${h.action}`)
                    ? t(`history.action.${h.action}`)
                    : label('referralStatus', h.toState ?? h.action)}
                </Typography.Text>
                {h.toState && (
                  <Tag style={{ marginInlineStart: 8 }} color={STATUS_COLORS[h.toState]}>
                    {label('referralStatus', h.toState)}
                  </Tag>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {formatTime(h.at)} · {label('role', h.actorRole)}
                  </Typography.Text>
                </div>
                {h.reason && <div>{h.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** One referral: where it stands, the decision snapshot, consent, delivery and its history. */
export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['referrals', 'common']);
  const label = useLabel();
  const referral = useReferral(id);
  const r = referral.data;
  return (
    <PageContainer
      title={r ? r.resourceTitle : t('detail')}
      crumbs={[[t('title'), '/referrals']]}
      subTitle={r && [r.householdName, r.providerName].filter(Boolean).join(' · ')}
    >
      <QueryState isLoading={referral.isLoading} error={referral.error}>
        {r && (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card size="small">
                <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                  <Descriptions.Item label={t('col.status')}>
                    <Tag color={STATUS_COLORS[r.status]}>{label('referralStatus', r.status)}</Tag>
                    {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                    {r.escalatedToAreaId && <Tag color="volcano">{t('escalated')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.household')}>
                    <Link to={`/households/${r.householdId}`}>
                      {r.householdName ?? t('field.viewHousehold')}
                    </Link>
                    {r.communityName && `（${r.communityName}）`}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.provider')}>
                    {r.providerName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.resource')}>
                    <Link to={`/resources/${r.resourceId}`}>{r.resourceTitle}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.category')}>
                    {label('category', r.categoryCode)} · {label('urgency', r.urgency)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.createdAt')}>
                    {formatTime(r.createdAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.acceptDueAt')}>
                    {formatTime(r.acceptDueAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.acceptedAt')}>
                    {formatTime(r.acceptedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.deliverDueAt')}>
                    {formatTime(r.deliverDueAt)}
                  </Descriptions.Item>
                  {r.declineReason && (
                    <Descriptions.Item label={t('field.declineReason')}>
                      {label('declineReason', r.declineReason)}
                      {r.declineNote && `：${r.declineNote}`}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <SnapshotCard snapshot={r.snapshot as Snapshot} />
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <Card title={t('consent.title')} size="small">
                  {r.consent ? (
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('consent.given')}>
                        {r.consent.given ? t('consent.yes') : t('consent.no')}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('consent.by')}>{r.consent.by}</Descriptions.Item>
                      <Descriptions.Item label={t('consent.method')}>
                        {label('consentMethod', r.consent.method)}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('consent.at')}>
                        {formatTime(r.consent.at)}
                      </Descriptions.Item>
                    </Descriptions>
                  ) : (
                    <Typography.Text type="secondary">{t('consent.none')}</Typography.Text>
                  )}
                </Card>
                <Card title={t('delivery.title')} size="small">
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('delivery.at')}>
                      {formatTime(r.deliveredAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('delivery.units')}>
                      {r.unitsDelivered ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('delivery.amount')}>
                      {formatYuan(r.amountDeliveredFen)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('delivery.closedAt')}>
                      {formatTime(r.closedAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('delivery.satisfaction')}>
                      {r.satisfaction ? `${r.satisfaction} / 5` : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('delivery.resolved')}>
                      {r.needResolved === null || r.needResolved === undefined
                        ? '—'
                        : r.needResolved
                          ? t('yes')
                          : t('no')}
                    </Descriptions.Item>
                    {r.feedbackNote && (
                      <Descriptions.Item label={t('delivery.note')}>
                        {r.feedbackNote}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                </Card>
                <History referral={r} />
              </Flex>
            </Col>
          </Row>
        )}
      </QueryState>
    </PageContainer>
  );
}
