import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime } from '@/lib/format';
import { useCaseVisits, type Visit } from './api';
import { CorrectNoteModal } from './CorrectNoteModal';
import { RecordVisitModal } from './RecordVisitModal';

const KIND_COLORS: Record<Visit['kind'], string> = {
  home_visit: 'blue',
  phone_call: 'cyan',
  office_meeting: 'purple',
  other: 'default',
};

/**
 * The case page's 走访记录 tab: visits newest first, kind, time and who; the note where the
 * API shows it (the adviser, supervisors), else only that there is one.
 */
export function VisitsPanel({ caseId, canRecord = true }: { caseId: string; canRecord?: boolean }) {
  const { t } = useTranslation('caseVisits');
  const label = useLabel();
  const visits = useCaseVisits(caseId);
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<Visit | null>(null);

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )}
      </Flex>
      <QueryState
        isLoading={visits.isLoading}
        error={visits.error}
        empty={visits.data?.length === 0}
        emptyText={t('empty')}
        onRetry={() => void visits.refetch()}
      >
        <List
          data-testid="case-visits"
          itemLayout="vertical"
          dataSource={visits.data ?? []}
          renderItem={(v) => (
            <List.Item
              key={v.id}
              data-testid="case-visit"
              actions={
                v.noteEditable
                  ? [
                      <Button
                        key="correct"
                        type="link"
                        size="small"
                        onClick={() => setCorrecting(v)}
                      >
                        {t('correct')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Space wrap size={[8, 4]} style={{ display: 'flex', marginBottom: 4 }}>
                <Tag color={KIND_COLORS[v.kind]}>{label('visitKind', v.kind)}</Tag>
                {v.status !== 'done' && (
                  <Tag color={v.overdue ? 'red' : 'orange'}>
                    {v.overdue ? t('overdue') : label('visitStatus', v.status)}
                  </Tag>
                )}
                <Typography.Text strong>
                  {v.occurredAt
                    ? formatTime(v.occurredAt)
                    : t('dueOn', { date: formatDate(v.dueAt) })}
                </Typography.Text>
                {v.recordedByName && (
                  <Typography.Text type="secondary">
                    {t('recordedBy', { name: v.recordedByName })}
                  </Typography.Text>
                )}
              </Space>
              {v.status === 'done' && (
                <div>
                  <VisitNote visit={v} />
                </div>
              )}
            </List.Item>
          )}
        />
      </QueryState>
      {adding && <RecordVisitModal caseId={caseId} onClose={() => setAdding(false)} />}
      {correcting && (
        <CorrectNoteModal caseId={caseId} visit={correcting} onClose={() => setCorrecting(null)} />
      )}
    </>
  );
}

function VisitNote({ visit }: { visit: Visit }) {
  const { t } = useTranslation('caseVisits');
  if (visit.noteHidden)
    return (
      <Typography.Text type="secondary">
        <LockOutlined /> {t('noteHidden')}
      </Typography.Text>
    );
  if (!visit.note) return <Typography.Text type="secondary">{t('noNote')}</Typography.Text>;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {visit.note}
    </Typography.Paragraph>
  );
}
