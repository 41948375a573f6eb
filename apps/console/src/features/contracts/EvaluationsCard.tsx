import { Alert, App, Button, Card, Col, Descriptions, Divider, Empty, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '@/components/QueryState';
import { ReferralEvidence } from '@/features/evaluations/ReferralEvidence';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type ContractDetail, type Evaluation, useCompleteEvaluation } from './api';
import { CommentBox } from './CommentBox';
import { OpenEvaluationModal } from './OpenEvaluationModal';

const DIMENSIONS = [
  'administrativeSupervision',
  'serviceOutcomes',
  'projectManagement',
  'socialImpact',
] as const;

type Assignment = Evaluation['evaluators'][number];

/**
 * The contract's performance evaluations, newest first: the scores as they come (each shown
 * once the API shows it) beside the platform's referral evidence, the grade, and the
 * organization's comment. Staff open and complete them.
 */
export function EvaluationsCard({
  contract,
  canManage,
}: {
  contract: ContractDetail;
  canManage: boolean;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const label = useLabel();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [opening, setOpening] = useState(false);
  const complete = useCompleteEvaluation();
  const evaluations = [...contract.evaluations].sort((a, b) =>
    b.openedAt.localeCompare(a.openedAt),
  );
  const anyOpen = evaluations.some((e) => e.status === 'open');
  const canComment = me.role === 'provider' && me.providerId === contract.providerId;

  const confirmComplete = (e: Evaluation) =>
    modal.confirm({
      title: t('evaluations.complete'),
      content: t('evaluations.completeConfirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        complete
          .mutateAsync(e.id)
          .then(() => void message.success(t('evaluations.completed')))
          .catch((err: unknown) => void message.error(errorText(err))),
    });

  const score = (a: Assignment, d: (typeof DIMENSIONS)[number]) => a.scores?.[d] ?? '—';

  return (
    <Card
      size="small"
      title={t('evaluations.title')}
      extra={
        canManage &&
        !anyOpen && (
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('evaluations.open')}
          </Button>
        )
      }
    >
      {evaluations.length === 0 && <Empty description={t('evaluations.empty')} />}
      {evaluations.map((e, i) => {
        const done = e.evaluators.filter((a) => a.submitted).length;
        const mine = e.evaluators.some((a) => a.userId === me.id);
        return (
          <div key={e.id} data-testid={`evaluation-${e.id}`}>
            {i > 0 && <Divider />}
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 4 }}
              title={
                <>
                  {label('evaluationKind', e.kind)}{' '}
                  <Tag color={e.status === 'open' ? 'processing' : 'green'}>
                    {label('evaluationStatus', e.status)}
                  </Tag>
                </>
              }
              extra={
                <>
                  {mine && e.status === 'open' && (
                    <Link to={`/tasks/evaluations/${e.id}`}>{t('evaluations.scores')}</Link>
                  )}
                  {canManage && e.status === 'open' && (
                    <Button
                      type="primary"
                      disabled={done < e.evaluators.length}
                      loading={complete.isPending}
                      onClick={() => confirmComplete(e)}
                    >
                      {t('evaluations.complete')}
                    </Button>
                  )}
                </>
              }
            >
              <Descriptions.Item label={t('evaluations.grade')}>
                {e.grade ? label('grade', e.grade) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluations.finalScore')}>
                {e.finalScore ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluations.openedAt')}>
                {formatTime(e.openedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluations.completedAt')}>
                {formatTime(e.completedAt)}
              </Descriptions.Item>
            </Descriptions>
            {e.status === 'open' && (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                message={t('evaluations.pendingScores', { done, total: e.evaluators.length })}
              />
            )}
            <Row gutter={16}>
              <Col xs={24} lg={8}>
                <Card size="small" title={t('evaluations.evidence')}>
                  <ReferralEvidence evaluation={e} />
                </Card>
              </Col>
              <Col xs={24} lg={16}>
                <Card size="small" title={t('evaluations.scores')}>
                  <Table<Assignment>
                    rowKey="userId"
                    size="small"
                    pagination={false}
                    dataSource={e.evaluators}
                    scroll={{ x: 720 }}
                    columns={[
                      {
                        title: t('evaluations.evaluatorType'),
                        dataIndex: 'type',
                        width: 130,
                        render: (type: string) => label('evaluatorType', type),
                      },
                      {
                        title: t('evaluations.submitted'),
                        dataIndex: 'submitted',
                        width: 90,
                        render: (s: boolean) =>
                          s ? (
                            <Tag color="green">{t('evaluations.yes')}</Tag>
                          ) : (
                            <Tag>{t('evaluations.no')}</Tag>
                          ),
                      },
                      ...DIMENSIONS.map((d) => ({
                        title: `${label('evaluationDimension', d)}（${e.weights[d]}%）`,
                        key: d,
                        width: 110,
                        render: (_v: unknown, a: Assignment) => score(a, d),
                      })),
                      {
                        title: t('evaluations.total'),
                        dataIndex: 'total',
                        width: 80,
                        render: (v: number | null, a: Assignment) =>
                          v ?? (a.submitted ? t('evaluations.hidden') : '—'),
                      },
                    ]}
                  />
                  {e.dimensionMeans && (
                    <Descriptions
                      size="small"
                      style={{ marginTop: 12 }}
                      title={t('evaluations.means')}
                      column={{ xs: 1, md: 2, xl: 4 }}
                    >
                      {DIMENSIONS.map((d) => (
                        <Descriptions.Item key={d} label={label('evaluationDimension', d)}>
                          {e.dimensionMeans![d]}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  )}
                </Card>
              </Col>
            </Row>
            <div style={{ marginTop: 12 }}>
              <CommentBox evaluation={e} canComment={canComment} />
            </div>
          </div>
        );
      })}
      {opening && (
        <OpenEvaluationModal contractId={contract.id} onClose={() => setOpening(false)} />
      )}
    </Card>
  );
}
