import { Card, Col, Descriptions, Row, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '@/components/QueryState';
import { useHousehold } from '@/features/households/api';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime } from '@/lib/format';
import type { Case } from './api';

/** The case's facts, the household's headline figures and who has advised the family. */
export function CaseOverview({ kase }: { kase: Case }) {
  const { t } = useTranslation('cases');
  const label = useLabel();
  const household = useHousehold(kase.householdId);
  const h = household.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('overview.household')}>
          <QueryState isLoading={household.isLoading} error={household.error}>
            {h && (
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('col.head')}>{h.headName}</Descriptions.Item>
                <Descriptions.Item label={t('col.community')}>{h.community.name}</Descriptions.Item>
                <Descriptions.Item label={t('overview.householdStatus')}>
                  {label('householdStatus', h.status)}
                </Descriptions.Item>
                <Descriptions.Item label={t('overview.tier')}>
                  {h.tier ? label('tier', h.tier) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('overview.members')}>{h.size}</Descriptions.Item>
                <Descriptions.Item label={t('overview.nextRevisit')}>
                  {formatDate(h.nextRevisitAt)}
                </Descriptions.Item>
                <Descriptions.Item span={2}>
                  <Link to={`/households/${h.id}`}>{t('overview.viewHousehold')}</Link>
                </Descriptions.Item>
              </Descriptions>
            )}
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('overview.case')}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('col.status')}>
              <Tag color={kase.status === 'open' ? 'green' : undefined}>
                {label('caseStatus', kase.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.adviser')}>
              {kase.adviserName ?? t('unassigned')}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.openedAt')}>
              {formatTime(kase.openedAt)}
            </Descriptions.Item>
            {kase.closedAt && (
              <Descriptions.Item label={t('col.closedAt')}>
                {formatTime(kase.closedAt)}
              </Descriptions.Item>
            )}
            {kase.closeReason && (
              <Descriptions.Item label={t('overview.closeReason')}>
                {label('caseCloseReason', kase.closeReason)}
                {kase.closeNote && `：${kase.closeNote}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('overview.assignments')}
          </Typography.Title>
          <Timeline
            items={(kase.assignments ?? []).map((a, i) => ({
              key: i,
              children: (
                <>
                  <Typography.Text>
                    {t('overview.assigned', {
                      from: a.fromAdviserName ?? t('unassigned'),
                      to: a.toAdviserName ?? t('unassigned'),
                    })}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {formatTime(a.at)} ·{' '}
                      {a.reason === 'registration' ? t('overview.registration') : a.reason}
                      {a.byName && ` · ${t('overview.by', { name: a.byName })}`}
                    </Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        </Card>
      </Col>
    </Row>
  );
}
