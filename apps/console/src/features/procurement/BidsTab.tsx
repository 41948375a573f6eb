import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type Bid, type ProjectDetail, useBids, useQualify } from './api';

const QUALIFICATION_COLORS: Record<Bid['qualification'], string> = {
  pending: 'gold',
  qualified: 'green',
  disqualified: 'red',
};

/** After close: the bids, the system's pre-check, and qualification with reasons. */
export function BidsTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const label = useLabel();
  const closed = !!project.closedAt;
  const bids = useBids(project.id, closed);
  const [deciding, setDeciding] = useState<{ bid: Bid; qualify: boolean } | null>(null);

  if (!closed)
    return <Alert type="info" showIcon message={t('bids.sealed', { count: project.bidCount })} />;

  const rows = (bids.data?.bids ?? []).filter((b) => b.status === 'submitted');
  return (
    <Card size="small">
      <QueryState
        isLoading={bids.isLoading}
        error={bids.error}
        empty={rows.length === 0}
        emptyText={t('bids.empty')}
      >
        <Table<Bid>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 1400 }}
          onRow={(b) => ({ 'data-testid': `bid-${b.id}` }) as object}
          expandable={{
            expandedRowRender: (b) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                <Typography.Text strong>{t('bids.proposal')}：</Typography.Text>
                {b.proposal}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            { title: t('bids.bidder'), dataIndex: 'providerName', width: 240 },
            {
              title: t('bids.price'),
              dataIndex: 'priceFen',
              width: 150,
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
            {
              title: t('bids.team'),
              key: 'team',
              width: 230,
              render: (_v, b) =>
                t('bids.teamValue', {
                  workers: b.team.certifiedSocialWorkers,
                  years: b.team.yearsOperating,
                }),
            },
            {
              title: t('bids.precheck'),
              key: 'precheck',
              width: 130,
              render: (_v, b) => (
                <Tooltip
                  title={b.precheck.checks
                    .map((c) =>
                      t('bids.checkValue', {
                        requirement: label('bidRequirement', c.requirement),
                        required: String(c.required),
                        actual: String(c.actual),
                      }),
                    )
                    .join('；')}
                >
                  <Tag color={b.precheck.met ? 'green' : 'orange'}>
                    {b.precheck.met ? t('bids.precheckMet') : t('bids.precheckShort')}
                  </Tag>
                </Tooltip>
              ),
            },
            {
              title: t('bids.qualification'),
              key: 'qualification',
              width: 220,
              render: (_v, b) => (
                <Space direction="vertical" size={2}>
                  <Tag color={QUALIFICATION_COLORS[b.qualification]}>
                    {label('bidQualification', b.qualification)}
                  </Tag>
                  {b.qualificationReasons.length > 0 && (
                    <Typography.Text type="secondary">
                      {b.qualificationReasons.join('；')}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('bids.submittedAt'),
              dataIndex: 'submittedAt',
              width: 150,
              render: (v: string) => formatTime(v),
            },
            {
              title: t('field.actions'),
              key: 'actions',
              width: 170,
              fixed: 'right',
              render: (_v, b) =>
                b.qualification === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding({ bid: b, qualify: true })}
                    >
                      {t('bids.qualify')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => setDeciding({ bid: b, qualify: false })}
                    >
                      {t('bids.disqualify')}
                    </Button>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('bids.decided')}</Typography.Text>
                ),
            },
          ]}
        />
      </QueryState>
      {deciding && (
        <QualifyModal
          bid={deciding.bid}
          qualify={deciding.qualify}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}

function QualifyModal({
  bid,
  qualify,
  onClose,
}: {
  bid: Bid;
  qualify: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('procurement');
  const { message } = App.useApp();
  const mutation = useQualify();
  const [form] = Form.useForm<{ reasons?: string }>();
  return (
    <Modal
      open
      title={t(qualify ? 'bids.qualifyTitle' : 'bids.disqualifyTitle', {
        bidder: bid.providerName,
      })}
      okText={qualify ? t('bids.qualify') : t('bids.disqualify')}
      okButtonProps={{ danger: !qualify, loading: mutation.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reasons }) =>
          mutation
            .mutateAsync({
              bidId: bid.id,
              qualify,
              reasons: (reasons ?? '')
                .split('\n')
                .map((r) => r.trim())
                .filter(Boolean),
            })
            .then(() => {
              message.success(t('project.done'));
              onClose();
            })
            .catch((e: unknown) => form.setFields([{ name: 'reasons', errors: [errorText(e)] }]))
        }
      >
        <Form.Item
          name="reasons"
          label={t('bids.reasonsLabel')}
          extra={qualify ? t('bids.reasonsHintQualify') : undefined}
          rules={
            qualify
              ? []
              : [{ required: true, whitespace: true, message: t('bids.reasonsRequired') }]
          }
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
