import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime, formatYuan } from '@/lib/format';
import type { ContractDetail } from './api';
import { PaymentTag } from './status';

interface Row {
  key: string;
  milestone: string;
  amountFen: number;
  status: 'waiting' | 'paid';
  paidAt: string | null;
}

/**
 * Payments as the API tells them: the paid ones (each under a passing evaluation), and the
 * milestones whose payable amount still waits for one.
 */
export function PaymentsCard({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation('contracts');
  const name = (id: string) => {
    const m = contract.milestones.find((x) => x.id === id);
    return m ? `${m.seq}. ${m.deliverable}` : '—';
  };
  const waiting = contract.milestones.filter((m) => m.paymentStatus === 'waiting');
  const rows: Row[] = [
    ...contract.payments.map((p) => ({
      key: p.id,
      milestone: name(p.milestoneId),
      amountFen: p.amountFen,
      status: 'paid' as const,
      paidAt: p.paidAt,
    })),
    ...waiting.map((m) => ({
      key: m.id,
      milestone: name(m.id),
      amountFen: m.payableFen ?? 0,
      status: 'waiting' as const,
      paidAt: null,
    })),
  ];
  const waitingFen = waiting.reduce((s, m) => s + (m.payableFen ?? 0), 0);

  return (
    <Card
      size="small"
      title={t('payments.title')}
      extra={
        <Typography.Text data-testid="payments-total">
          {t('payments.total', {
            paid: formatYuan(contract.paidFen),
            waiting: formatYuan(waitingFen),
          })}
        </Typography.Text>
      }
    >
      {waiting.length > 0 && (
        <Typography.Paragraph type="secondary">{t('payments.waitingHint')}</Typography.Paragraph>
      )}
      <div data-testid="payments">
        <Table<Row>
          rowKey="key"
          size="small"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('payments.empty') }}
          scroll={{ x: 600 }}
          columns={[
            { title: t('payments.milestone'), dataIndex: 'milestone' },
            {
              title: t('payments.amount'),
              dataIndex: 'amountFen',
              width: 150,
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t('payments.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: Row['status']) => <PaymentTag status={s} />,
            },
            {
              title: t('payments.paidAt'),
              dataIndex: 'paidAt',
              width: 170,
              render: (iso: string | null) => formatTime(iso),
            },
          ]}
        />
      </div>
    </Card>
  );
}
