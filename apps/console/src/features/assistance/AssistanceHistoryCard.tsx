import { Button, Card, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { type HistoryItem, useAssistanceHistory } from './api';
import { AssistanceEntryForm } from './AssistanceEntryForm';
import { amountText, periodText } from './amounts';

const STATE_COLOR: Record<HistoryItem['state'], string | undefined> = {
  active: 'green',
  voided: undefined,
  pending: 'gold',
  in_progress: 'blue',
};

/** Who may record: the granting organizations and civil-affairs staff, admin (assessors do not grant). */
const RECORDERS = ['admin', 'civil_affairs', 'provider'];

/**
 * The household page's assistance history: every benefit in the ledger (OneDoor deliveries,
 * departments' entries, imported rolls; voided ones struck through) and the referrals approved
 * and not yet delivered, newest first, with a button to record one given outside OneDoor.
 */
export function AssistanceHistoryCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation('assistance');
  const label = useLabel();
  const me = useMe();
  const history = useAssistanceHistory(householdId);
  const [recording, setRecording] = useState(false);
  const struck = (r: HistoryItem, text: string) =>
    r.state === 'voided' ? (
      <Typography.Text delete type="secondary">
        {text}
      </Typography.Text>
    ) : (
      text
    );

  return (
    <Card
      title={t('history.title')}
      size="small"
      data-testid="assistance-history"
      extra={
        RECORDERS.includes(me.role) && (
          <Button size="small" type="primary" onClick={() => setRecording(true)}>
            {t('history.record')}
          </Button>
        )
      }
    >
      <QueryState isLoading={false} error={history.error}>
        <Table<HistoryItem>
          size="small"
          rowKey={(r) => r.entryId ?? `referral-${r.referralId}`}
          pagination={false}
          loading={history.isLoading}
          dataSource={history.data ?? []}
          locale={{ emptyText: t('history.none') }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('history.source'),
              dataIndex: 'source',
              render: (s: string) => label('assistanceSource', s),
            },
            {
              title: t('history.grantedBy'),
              dataIndex: 'grantedBy',
              render: (g, r) => struck(r, g),
            },
            {
              title: t('history.category'),
              dataIndex: 'categoryCode',
              render: (c: string) => label('category', c),
            },
            { title: t('history.title_'), dataIndex: 'title', render: (v, r) => struck(r, v) },
            {
              title: t('history.form'),
              dataIndex: 'form',
              render: (f: string) => label('resourceForm', f),
            },
            {
              title: t('history.amount'),
              key: 'amount',
              align: 'right',
              render: (_v, r) => struck(r, amountText(r, t)),
            },
            { title: t('history.period'), key: 'period', render: (_v, r) => periodText(r, t) },
            {
              title: t('history.state'),
              dataIndex: 'state',
              render: (s: HistoryItem['state'], r) => {
                const tag = <Tag color={STATE_COLOR[s]}>{label('assistanceHistoryState', s)}</Tag>;
                return r.voidReason ? (
                  <Tooltip title={t('history.voidReason', { reason: r.voidReason })}>{tag}</Tooltip>
                ) : (
                  tag
                );
              },
            },
            {
              title: t('history.recordedBy'),
              dataIndex: 'recordedByName',
              render: (n: string | null) => n ?? '—',
            },
          ]}
        />
      </QueryState>
      <Modal
        title={t('form.title')}
        open={recording}
        onCancel={() => setRecording(false)}
        footer={null}
        destroyOnHidden
        width={720}
      >
        <AssistanceEntryForm householdId={householdId} onSaved={() => setRecording(false)} />
      </Modal>
    </Card>
  );
}
