import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { useAuth } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { type EvaluationScores, useEvaluation, useScoreEvaluation } from './api';
import { ReferralEvidence } from './ReferralEvidence';

const DIMENSIONS = [
  'administrativeSupervision',
  'serviceOutcomes',
  'projectManagement',
  'socialImpact',
] as const;

/** A contract performance evaluation: the four dimensions beside the platform's referral evidence. */
export function ContractEvaluationPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['evaluations', 'common']);
  const label = useLabel();
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EvaluationScores>();
  const evaluation = useEvaluation(id);
  const submit = useScoreEvaluation(id ?? '');
  const e = evaluation.data;
  const mine = e?.evaluators.find((a) => a.userId === me?.id);

  const send = (values: EvaluationScores) =>
    modal.confirm({
      title: t('contract.confirmTitle'),
      content: t('score.confirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        submit
          .mutateAsync({ ...values, comment: values.comment?.trim() || undefined })
          .then(() => message.success(t('score.done')))
          .catch((err: unknown) => message.error(errorText(err))),
    });

  return (
    <PageContainer
      title={e ? label('evaluationKind', e.kind) : t('contractEvaluations')}
      crumbs={[[t('project.crumb'), '/tasks']]}
      extra={e && <Tag>{label('evaluationStatus', e.status)}</Tag>}
    >
      <QueryState isLoading={evaluation.isLoading} error={evaluation.error}>
        {e && (
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('contract.evidence')} style={{ marginBottom: 16 }}>
                <ReferralEvidence evaluation={e} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card
                size="small"
                title={t('contract.scoring')}
                extra={mine?.submitted && <Tag color="green">{t('score.locked')}</Tag>}
              >
                {!mine && <Alert type="info" showIcon message={t('contract.notAssigned')} />}
                {mine?.submitted && mine.scores && (
                  <Descriptions size="small" bordered column={1} data-testid="my-scores">
                    {DIMENSIONS.map((d) => (
                      <Descriptions.Item
                        key={d}
                        label={t('score.scoreLabel', {
                          name: label('evaluationDimension', d),
                          weight: e.weights[d],
                        })}
                      >
                        {mine.scores![d]}
                      </Descriptions.Item>
                    ))}
                    {mine.comment && (
                      <Descriptions.Item label={t('score.comment')}>
                        {mine.comment}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                )}
                {mine && !mine.submitted && e.status === 'open' && (
                  <Form form={form} layout="vertical" name="evaluationScores" onFinish={send}>
                    {DIMENSIONS.map((d) => (
                      <Form.Item
                        key={d}
                        name={d}
                        label={t('score.scoreLabel', {
                          name: label('evaluationDimension', d),
                          weight: e.weights[d],
                        })}
                        rules={[
                          {
                            required: true,
                            message: t('score.scoreRequired', {
                              name: label('evaluationDimension', d),
                            }),
                          },
                        ]}
                      >
                        <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
                      </Form.Item>
                    ))}
                    <Form.Item name="comment" label={t('score.comment')}>
                      <Input.TextArea rows={2} maxLength={5000} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={submit.isPending}>
                      {t('score.submit')}
                    </Button>
                  </Form>
                )}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </PageContainer>
  );
}
