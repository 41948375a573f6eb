import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import {
  type ProjectDetail,
  type RankingCriterion,
  type RankingEntry,
  useModerate,
  usePriceJustification,
  useRanking,
} from './api';

/** Scores as the ranking gives them, to two places. */
export const points = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toFixed(2);

/**
 * The ranking as the API computes it: ranks, totals, the flags (score spread, abnormally low
 * price) with what settles them — a moderation per criterion, the price justification.
 */
export function RankingTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const label = useLabel();
  const closed = !!project.closedAt;
  const ranking = useRanking(project.id, closed);
  const [moderating, setModerating] = useState<{
    entry: RankingEntry;
    criterion: RankingCriterion;
  } | null>(null);
  const [justifying, setJustifying] = useState<RankingEntry | null>(null);
  const nameOf = (code: string) =>
    project.criteria.find((c) => c.code === code)?.name ?? label('criterion', code);

  if (!closed) return <Alert type="info" showIcon message={t('ranking.notYet')} />;
  const r = ranking.data;
  const entries = [...(r?.entries ?? [])].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total,
  );

  return (
    <QueryState isLoading={ranking.isLoading} error={ranking.error} empty={entries.length === 0}>
      {r && (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('ranking.status')}：</Typography.Text>
            <Tag
              color={
                r.status === 'ranked'
                  ? 'green'
                  : r.status === 'needs_moderation'
                    ? 'orange'
                    : 'default'
              }
              data-testid="ranking-status"
            >
              {label('rankingStatus', r.status)}
            </Tag>
          </Space>
          {r.pendingModeration.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('ranking.pending', { count: r.pendingModeration.length })}
            />
          )}
          <Table<RankingEntry>
            rowKey="bidId"
            size="middle"
            pagination={false}
            dataSource={entries}
            scroll={{ x: 1100 }}
            onRow={(e) => ({ 'data-testid': `ranking-${e.bidId}` }) as object}
            expandable={{
              defaultExpandAllRows: true,
              expandedRowRender: (e) => (
                <CriteriaTable
                  entry={e}
                  nameOf={nameOf}
                  onModerate={(criterion) => setModerating({ entry: e, criterion })}
                />
              ),
            }}
            columns={[
              {
                title: t('ranking.rank'),
                dataIndex: 'rank',
                width: 70,
                render: (v: number | null) => <span data-testid="rank">{v ?? '—'}</span>,
              },
              { title: t('ranking.bidder'), dataIndex: 'providerName' },
              {
                title: t('ranking.price'),
                dataIndex: 'priceFen',
                width: 140,
                align: 'right',
                render: (f: number) => formatYuan(f),
              },
              {
                title: t('ranking.priceScore'),
                dataIndex: 'priceScore',
                width: 90,
                align: 'right',
                render: (v: number) => points(v),
              },
              {
                title: t('ranking.total'),
                dataIndex: 'total',
                width: 90,
                align: 'right',
                render: (v: number) => <strong data-testid="total">{points(v)}</strong>,
              },
              {
                title: t('ranking.scored'),
                key: 'progress',
                width: 110,
                render: (_v, e) => `${e.evaluators.submitted}/${e.evaluators.expected}`,
              },
              {
                title: t('ranking.flags'),
                key: 'flags',
                width: 230,
                render: (_v, e) => (
                  <Space wrap size={4} data-testid="flags">
                    {e.criteria.some((c) => c.spreadFlag) && (
                      <Tag color="orange">{t('ranking.spread')}</Tag>
                    )}
                    {e.abnormallyLowPrice.flagged && <Tag color="red">{t('ranking.lowPrice')}</Tag>}
                    {e.declined && <Tag>{t('ranking.declined')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('ranking.justification'),
                key: 'justification',
                width: 220,
                render: (_v, e) =>
                  !e.abnormallyLowPrice.flagged ? (
                    '—'
                  ) : e.abnormallyLowPrice.justification ? (
                    <Typography.Text data-testid="justification">
                      {e.abnormallyLowPrice.justification}
                    </Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => setJustifying(e)}>
                      {t('ranking.justify')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {moderating && (
        <ModerateModal
          entry={moderating.entry}
          criterion={moderating.criterion}
          name={nameOf(moderating.criterion.code)}
          onClose={() => setModerating(null)}
        />
      )}
      {justifying && <JustifyModal entry={justifying} onClose={() => setJustifying(null)} />}
    </QueryState>
  );
}

function CriteriaTable({
  entry,
  nameOf,
  onModerate,
}: {
  entry: RankingEntry;
  nameOf: (code: string) => string;
  onModerate: (c: RankingCriterion) => void;
}) {
  const { t } = useTranslation('procurement');
  return (
    <Table<RankingCriterion>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={entry.criteria}
      columns={[
        { title: t('ranking.criterion'), dataIndex: 'code', render: (c: string) => nameOf(c) },
        {
          title: t('ranking.weight'),
          dataIndex: 'weight',
          width: 70,
          render: (w: number) => `${w}%`,
        },
        {
          title: t('ranking.scores'),
          key: 'scores',
          render: (_v, c) =>
            c.scores.map((s) => `${s.score}${s.trimmed ? t('ranking.trimmed') : ''}`).join('、') ||
            '—',
        },
        {
          title: t('ranking.mean'),
          dataIndex: 'mean',
          width: 80,
          render: (v: number | null) => points(v),
        },
        {
          title: t('ranking.spreadValue'),
          dataIndex: 'spread',
          width: 110,
          render: (v: number | null, c) => (
            <Space size={4}>
              {v ?? '—'}
              {c.spreadFlag && <Tag color="orange">{t('ranking.spread')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('ranking.value'),
          dataIndex: 'value',
          width: 90,
          render: (v: number | null) => points(v),
        },
        {
          title: t('ranking.weighted'),
          dataIndex: 'weighted',
          width: 80,
          render: (v: number | null) => points(v),
        },
        {
          title: t('ranking.moderation'),
          key: 'moderation',
          width: 220,
          render: (_v, c) =>
            c.moderation ? (
              <Typography.Text>
                <Tag color="blue">{t('ranking.moderated')}</Tag>
                {c.moderation.score !== null ? `${c.moderation.score}：` : ''}
                {c.moderation.comment}
              </Typography.Text>
            ) : c.spreadFlag ? (
              <Button size="small" type="primary" onClick={() => onModerate(c)}>
                {t('ranking.moderate')}
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

function ModerateModal({
  entry,
  criterion,
  name,
  onClose,
}: {
  entry: RankingEntry;
  criterion: RankingCriterion;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('procurement');
  const { message } = App.useApp();
  const moderate = useModerate();
  const [form] = Form.useForm<{ comment: string; score?: number | null }>();
  return (
    <Modal
      open
      title={t('ranking.moderateTitle', { criterion: name, bidder: entry.providerName })}
      okText={t('ranking.moderate')}
      okButtonProps={{ loading: moderate.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment, score }) =>
          moderate
            .mutateAsync({
              bidId: entry.bidId,
              criterion: criterion.code,
              comment,
              ...(score === null || score === undefined ? {} : { score }),
            })
            .then(() => {
              message.success(t('ranking.recorded'));
              onClose();
            })
            .catch((e: unknown) => message.error(errorText(e)))
        }
      >
        <Form.Item
          name="comment"
          label={t('ranking.comment')}
          rules={[{ required: true, whitespace: true, message: t('ranking.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="score" label={t('ranking.moderatedScore')}>
          <InputNumber min={0} max={100} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function JustifyModal({ entry, onClose }: { entry: RankingEntry; onClose: () => void }) {
  const { t } = useTranslation('procurement');
  const { message } = App.useApp();
  const justify = usePriceJustification();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={t('ranking.justifyTitle', { bidder: entry.providerName })}
      okText={t('ranking.justify')}
      okButtonProps={{ loading: justify.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="warning"
        style={{ marginBottom: 12 }}
        message={t('ranking.justifyIntro', {
          mean: formatYuan(entry.abnormallyLowPrice.othersMeanFen),
        })}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) =>
          justify
            .mutateAsync({ bidId: entry.bidId, note })
            .then(() => {
              message.success(t('ranking.recorded'));
              onClose();
            })
            .catch((e: unknown) => message.error(errorText(e)))
        }
      >
        <Form.Item
          name="note"
          label={t('ranking.note')}
          rules={[{ required: true, whitespace: true, message: t('ranking.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
