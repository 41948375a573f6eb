import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { openDraftOf } from '@/features/assessments/AssessmentPage';
import { CaseLink } from '@/features/cases/CaseLink';
import { api, call } from '@/lib/api';
import { ApiError } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { AssistanceHistoryCard } from '@/features/assistance/AssistanceHistoryCard';
import { householdKeys, useHousehold } from './api';
import { MatchesCard } from './MatchesCard';
import { LookupRecordsCard } from '@/features/assistance/lookup/LookupRecordsCard';

/** Assessments, newest first: the draft to continue, the completed ones to look back at. */
function AssessmentsCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation('households');
  const label = useLabel();
  const assessments = useQuery({
    queryKey: householdKeys.assessments(householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/assessments', { params: { path: { id: householdId } } })),
  });
  return (
    <Card title={t('detail.assessments')} size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={assessments.isLoading}
        dataSource={assessments.data ?? []}
        scroll={{ x: 480 }}
        columns={[
          {
            title: t('detail.assessmentStatus'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{label('assessmentStatus', s)}</Tag>,
          },
          { title: t('detail.completedAt'), dataIndex: 'completedAt', render: formatTime },
          { title: t('detail.score'), dataIndex: 'totalScore', render: (s) => s ?? '—' },
          { title: t('list.tier'), dataIndex: 'tier', render: (v) => label('tier', v) },
          {
            key: 'open',
            render: (_v, a) => (
              <Link to={`/assessments/${a.id}`}>
                {a.status === 'draft' ? t('detail.continue') : t('common:action.view')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Referrals of this household (the area scope applies). */
function ReferralsCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation('households');
  const label = useLabel();
  const referrals = useQuery({
    queryKey: householdKeys.referrals(householdId),
    queryFn: () =>
      call(api.GET('/api/referrals', { params: { query: { householdId, limit: 100 } } })),
    select: (page) => page.items,
  });
  return (
    <Card title={t('detail.referrals')} size="small">
      <QueryState isLoading={false} error={referrals.error}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={referrals.isLoading}
          dataSource={referrals.data ?? []}
          scroll={{ x: 560 }}
          columns={[
            {
              title: t('detail.resource'),
              dataIndex: 'resourceTitle',
              render: (title: string, r) => <Link to={`/referrals/${r.id}`}>{title}</Link>,
            },
            { title: t('detail.provider'), dataIndex: 'providerName' },
            {
              title: t('list.category'),
              dataIndex: 'categoryCode',
              render: (c: string) => label('category', c),
            },
            {
              title: t('detail.referralStatus'),
              dataIndex: 'status',
              render: (s: string) => <Tag>{label('referralStatus', s)}</Tag>,
            },
            { title: t('detail.deadline'), dataIndex: 'deadline', render: formatTime },
          ]}
        />
      </QueryState>
    </Card>
  );
}

/** The household's history from the audit log; hidden for roles the API does not show it to. */
function HistoryCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation('households');
  const label = useLabel();
  const history = useQuery({
    queryKey: householdKeys.history(householdId),
    queryFn: () =>
      call(
        api.GET('/api/audit', {
          params: { query: { entityType: 'household', entityId: householdId, limit: 100 } },
        }),
      ),
    retry: false,
  });
  if (history.error instanceof ApiError && history.error.status === 403) return null;
  return (
    <Card title={t('detail.history')} size="small" data-testid="history">
      <QueryState
        isLoading={history.isLoading}
        error={history.error}
        empty={history.data?.items.length === 0}
      >
        <Timeline
          items={(history.data?.items ?? []).map((e) => ({
            children: (
              <>
                <Typography.Text>{formatTime(e.at)}</Typography.Text>{' '}
                <Typography.Text strong>
                  {t(`history.${e.action}`, { defaultValue: t('history.other') })}
                </Typography.Text>{' '}
                {e.toState && (
                  <Typography.Text>
                    {t('history.toState', { state: label('householdStatus', e.toState) })}
                  </Typography.Text>
                )}{' '}
                {e.actorRole && (
                  <Typography.Text type="secondary">{label('role', e.actorRole)}</Typography.Text>
                )}
                {e.reason && <div>{e.reason}</div>}
              </>
            ),
          }))}
        />
      </QueryState>
    </Card>
  );
}

/** /households/:id: the household, its tier and why, needs and proposals, referrals, history. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('households');
  // relief: grants
  const { t: tReliefGrants } = useTranslation('reliefGrants');
  const label = useLabel();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const household = useHousehold(id);
  const latest = useQuery({
    queryKey: householdKeys.assessments(id),
    queryFn: () => call(api.GET('/api/households/{id}/assessments', { params: { path: { id } } })),
  });
  const lastCompleted = latest.data?.find((a) => a.status === 'completed');
  const draft = latest.data?.find((a) => a.status === 'draft');

  const start = useMutation({
    mutationFn: () =>
      call(api.POST('/api/households/{id}/assessments', { params: { path: { id } }, body: {} })),
    onSuccess: (a) => navigate(`/assessments/${a.id}`),
    onError: (e) => {
      // A draft is already open (perhaps started elsewhere): resume it rather than fail.
      const open = openDraftOf(e);
      if (open) navigate(`/assessments/${open}`);
      else void message.error(errorText(e));
    },
  });

  const h = household.data;
  // Only assessors record assessments (the API refuses others); the button is offered to them.
  const canAssess = me.role === 'assessor' && h?.status !== 'exited';

  return (
    <PageContainer
      title={h ? t('detail.title', { name: h.headName }) : t('detail.untitled')}
      crumbs={[[t('list.title'), '/households']]}
      subTitle={h && <Tag>{label('householdStatus', h.status)}</Tag>}
      extra={
        h && (
          <>
            <CaseLink householdId={h.id} />
            {/* relief: grants — staff and advisers request an emergency grant for the family. */}
            {['admin', 'civil_affairs', 'assessor'].includes(me.role) && h.status !== 'exited' && (
              <Link to={`/relief-grants/new?householdId=${h.id}`}>
                <Button>{tReliefGrants('request.button')}</Button>
              </Link>
            )}
            {canAssess &&
              (draft ? (
                <Link to={`/assessments/${draft.id}`}>
                  <Button type="primary">{t('detail.continueAssessment')}</Button>
                </Link>
              ) : (
                <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
                  {t('detail.startAssessment')}
                </Button>
              ))}
          </>
        )
      }
    >
      <QueryState
        isLoading={household.isLoading}
        error={household.error}
        onRetry={() => void household.refetch()}
      >
        {h && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('detail.tierTitle')} size="small" data-testid="tier-card">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('list.tier')}>
                    {h.tier ? (
                      <Tag color="volcano">{label('tier', h.tier)}</Tag>
                    ) : (
                      t('detail.notAssessed')
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('list.circle')}>
                    {h.circle === null ? '—' : label('circle', String(h.circle))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('detail.reason')}>
                    {lastCompleted?.tierReasonCode
                      ? label('tierReason', lastCompleted.tierReasonCode)
                      : (lastCompleted?.tierReason ?? '—')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('detail.lastAssessed')}>
                    {formatTime(h.lastAssessedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('list.nextRevisit')}>
                    {formatDate(h.nextRevisitAt)}
                  </Descriptions.Item>
                  {h.graceEndsAt && (
                    <Descriptions.Item label={t('detail.graceEnds')}>
                      {formatDate(h.graceEndsAt)}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('detail.basics')} size="small">
                <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                  <Descriptions.Item label={t('field.community')}>
                    {h.community.name}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.residency')}>
                    {label('residency', h.residency)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.phone')}>{h.phone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('field.housing')}>
                    {label('housingKind', h.housing)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.address')} span={2}>
                    {h.address ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.savings')}>
                    {formatYuan(h.savingsFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.vehicles')}>{h.vehicles}</Descriptions.Item>
                  <Descriptions.Item label={t('field.medicalExpense')}>
                    {formatYuan(h.medicalExpenseFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.educationExpense')}>
                    {formatYuan(h.educationExpenseFen)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col span={24}>
              <Card title={t('detail.members', { count: h.members.length })} size="small">
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={h.members}
                  scroll={{ x: 760 }}
                  columns={[
                    {
                      title: t('field.name'),
                      dataIndex: 'name',
                      render: (n: string, m) => (
                        <Space>
                          {n}
                          {m.isHead && <Tag color="blue">{t('detail.head')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('field.relation'),
                      dataIndex: 'relation',
                      render: (r: string) => label('relation', r),
                    },
                    { title: t('field.idNumber'), dataIndex: 'idNumber' },
                    {
                      title: t('field.gender'),
                      dataIndex: 'gender',
                      render: (g: string) => label('gender', g),
                    },
                    { title: t('detail.age'), dataIndex: 'age' },
                    {
                      title: t('field.disabilityGrade'),
                      dataIndex: 'disabilityGrade',
                      render: (g: number) => (g === 0 ? t('detail.none') : g),
                    },
                    {
                      title: t('field.chronicIllness'),
                      dataIndex: 'chronicIllness',
                      render: (c: boolean) => (c ? t('detail.yes') : t('detail.no')),
                    },
                    {
                      title: t('field.employment'),
                      dataIndex: 'employment',
                      render: (e: string) => label('employmentStatus', e),
                    },
                    {
                      title: t('field.monthlyIncome'),
                      dataIndex: 'monthlyIncomeFen',
                      render: formatYuan,
                    },
                  ]}
                />
              </Card>
            </Col>
            {h.warnings.length > 0 && (
              <Col span={24}>
                <Card size="small">
                  {h.warnings.map((w, i) => (
                    <Typography.Paragraph key={i} type="warning" style={{ margin: 0 }}>
                      {w.message}
                    </Typography.Paragraph>
                  ))}
                </Card>
              </Col>
            )}
            <Col span={24}>
              <MatchesCard householdId={h.id} />
            </Col>
            <Col xs={24} xl={12}>
              <AssessmentsCard householdId={h.id} />
            </Col>
            <Col xs={24} xl={12}>
              <ReferralsCard householdId={h.id} />
            </Col>
            <Col span={24}>
              <AssistanceHistoryCard householdId={h.id} />
            </Col>
            <Col span={24}>
              <HistoryCard householdId={h.id} />
            </Col>
            <Col span={24}>
              <LookupRecordsCard householdId={h.id} />
            </Col>
          </Row>
        )}
      </QueryState>
    </PageContainer>
  );
}
