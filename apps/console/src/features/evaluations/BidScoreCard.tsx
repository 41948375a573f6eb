import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import { type Bid, type BidScores, type ProjectDetail, useBidScores, useSubmitScores } from './api';

interface Props {
  bid: Bid;
  project: ProjectDetail;
  myId: string;
  /** undefined: not declared yet; true: recused. */
  conflict: boolean | undefined;
}

type Values = { scores: Record<string, number>; comment?: string };
type Evaluator = BidScores['evaluators'][number];

/** One bid: its facts, the caller's scoring form (locked once submitted), the panel's scores. */
export function BidScoreCard({ bid, project, myId, conflict }: Props) {
  const { t } = useTranslation(['evaluations', 'common']);
  const label = useLabel();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const scores = useBidScores(bid.id);
  const submit = useSubmitScores(bid.id);
  // Price is scored by the system from the price itself.
  const criteria = project.criteria.filter((c) => c.code !== 'price');
  const mine = scores.data?.evaluators.find((e) => e.evaluatorId === myId);
  const criterionName = (code: string) =>
    criteria.find((c) => c.code === code)?.name ?? label('criterion', code);

  const send = (values: Values) =>
    modal.confirm({
      title: t('score.confirmTitle', { bidder: bid.providerName }),
      content: t('score.confirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        submit
          .mutateAsync({
            scores: criteria.map((c) => ({ criterion: c.code, score: values.scores[c.code] })),
            comment: values.comment?.trim() || undefined,
          })
          .then(() => message.success(t('score.done')))
          .catch((e: unknown) => message.error(errorText(e))),
    });

  return (
    <Card
      size="small"
      title={bid.providerName}
      style={{ marginBottom: 16 }}
      data-testid={`bid-${bid.id}`}
      extra={mine?.submitted && <Tag color="green">{t('score.locked')}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
        style={{ marginBottom: 12 }}
      >
        <Descriptions.Item label={t('score.price')}>{formatYuan(bid.priceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('score.qualification')}>
          {label('bidQualification', bid.qualification)}
        </Descriptions.Item>
        <Descriptions.Item label={t('score.teamLabel')}>
          {t('score.team', {
            workers: bid.team.certifiedSocialWorkers,
            years: bid.team.yearsOperating,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('score.proposal')} span="filled">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {bid.proposal}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <QueryState isLoading={scores.isLoading} error={scores.error}>
        {conflict === true && <Alert type="warning" showIcon message={t('score.recused')} />}
        {conflict === undefined && <Alert type="info" showIcon message={t('score.declareFirst')} />}
        {conflict === false && mine?.submitted && (
          <Descriptions
            size="small"
            bordered
            title={t('score.mine')}
            column={1}
            data-testid="my-scores"
          >
            {mine.scores.map((s) => (
              <Descriptions.Item key={s.criterion} label={criterionName(s.criterion)}>
                {s.score}
              </Descriptions.Item>
            ))}
            {mine.comment && (
              <Descriptions.Item label={t('score.comment')}>{mine.comment}</Descriptions.Item>
            )}
          </Descriptions>
        )}
        {conflict === false && scores.data && !mine?.submitted && (
          <Form form={form} layout="vertical" name={`scores-${bid.id}`} onFinish={send}>
            <Typography.Paragraph type="secondary">{t('score.intro')}</Typography.Paragraph>
            {criteria.map((c) => (
              <Form.Item
                key={c.code}
                name={['scores', c.code]}
                label={t('score.scoreLabel', { name: c.name, weight: c.weight })}
                extra={
                  label('criterion', c.code) !== c.name ? label('criterion', c.code) : undefined
                }
                rules={[{ required: true, message: t('score.scoreRequired', { name: c.name }) }]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
              </Form.Item>
            ))}
            <Form.Item name="comment" label={t('score.comment')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t('score.submit')}
            </Button>
          </Form>
        )}
        {scores.data && (
          <PanelScores
            scores={scores.data}
            myId={myId}
            name={criterionName}
            codes={criteria.map((c) => c.code)}
          />
        )}
      </QueryState>
    </Card>
  );
}

/** Everyone's scores once the whole panel is in; until then, how many have submitted. */
function PanelScores({
  scores,
  myId,
  name,
  codes,
}: {
  scores: BidScores;
  myId: string;
  name: (code: string) => string;
  codes: string[];
}) {
  const { t } = useTranslation('evaluations');
  const voting = scores.evaluators.filter((e) => !e.recused);
  if (!scores.allSubmitted)
    return (
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('score.panelPending', {
          done: voting.filter((e) => e.submitted).length,
          total: voting.length,
        })}
      </Typography.Paragraph>
    );
  return (
    <Table<Evaluator>
      style={{ marginTop: 12 }}
      title={() => t('score.panel')}
      size="small"
      rowKey="evaluatorId"
      pagination={false}
      scroll={{ x: 600 }}
      dataSource={scores.evaluators}
      columns={[
        {
          title: t('score.evaluator'),
          key: 'who',
          render: (_v, e, i) =>
            e.evaluatorId === myId ? t('score.me') : `${t('score.evaluator')} ${i + 1}`,
        },
        ...codes.map((code) => ({
          title: name(code),
          key: code,
          render: (_v: unknown, e: Evaluator) =>
            e.recused ? (
              <Tag>{t('score.recusedTag')}</Tag>
            ) : (
              (e.scores.find((s) => s.criterion === code)?.score ?? '—')
            ),
        })),
      ]}
    />
  );
}
