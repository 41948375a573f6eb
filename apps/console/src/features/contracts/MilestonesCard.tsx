import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import type { ContractDetail, Milestone } from './api';
import { MilestoneFiles } from './MilestoneFiles';
import { OutcomeModal } from './OutcomeModal';
import { OutcomeTag, PaymentTag } from './status';

/** The contract's milestones: due date, share and amount, outcome, payment, evidence. */
export function MilestonesCard({
  contract,
  canDecide,
}: {
  contract: ContractDetail;
  canDecide: boolean;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const [deciding, setDeciding] = useState<Milestone | null>(null);

  return (
    <Card size="small" title={t('milestones.title')}>
      <Table<Milestone>
        rowKey="id"
        size="small"
        dataSource={contract.milestones}
        pagination={false}
        scroll={{ x: 1150 }}
        onRow={(m) => ({ 'data-testid': `milestone-${m.seq}` }) as object}
        columns={[
          { title: t('milestones.seq'), dataIndex: 'seq', width: 56 },
          { title: t('milestones.deliverable'), dataIndex: 'deliverable' },
          {
            title: t('milestones.dueDate'),
            dataIndex: 'dueDate',
            width: 110,
            render: (d: string) => formatDate(d),
          },
          {
            title: t('milestones.share'),
            key: 'share',
            width: 150,
            render: (_v, m) =>
              t('milestones.shareValue', {
                share: m.sharePercent,
                amount: formatYuan(m.amountFen),
              }),
          },
          {
            title: t('milestones.outcome'),
            key: 'outcome',
            width: 260,
            render: (_v, m) => (
              <>
                <OutcomeTag outcome={m.outcome} />
                {m.deliveredPercent !== null && (
                  <Typography.Text type="secondary">
                    {t('milestones.delivered', { percent: m.deliveredPercent })}
                  </Typography.Text>
                )}
                {m.evidence && <div style={{ marginTop: 4 }}>{m.evidence}</div>}
                {m.decidedAt && (
                  <Typography.Text type="secondary">{formatTime(m.decidedAt)}</Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('milestones.payment'),
            key: 'payment',
            width: 130,
            render: (_v, m) =>
              m.outcome === 'scheduled' ? (
                '—'
              ) : (
                <>
                  <PaymentTag status={m.paymentStatus} />
                  <div>{m.payableFen ? formatYuan(m.payableFen) : null}</div>
                </>
              ),
          },
          {
            title: t('milestones.files'),
            key: 'files',
            width: 200,
            render: (_v, m) => (
              <MilestoneFiles contractId={contract.id} milestoneId={m.id} canUpload={canDecide} />
            ),
          },
          ...(canDecide
            ? [
                {
                  title: t('field.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_v: unknown, m: Milestone) =>
                    m.outcome === 'scheduled' && (
                      <Button size="small" type="primary" onClick={() => setDeciding(m)}>
                        {t('milestones.record')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {deciding && (
        <OutcomeModal
          contractId={contract.id}
          milestone={deciding}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
