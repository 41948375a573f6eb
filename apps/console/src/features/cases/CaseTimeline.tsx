import { Card, Empty, Pagination, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { useTimeline } from './api';

const COLORS: Record<string, string> = {
  household: 'blue',
  assessment: 'purple',
  need: 'orange',
  match_proposal: 'cyan',
  referral: 'green',
  case: 'gray',
};

/** Entries whose reason is a dictionary code, by event: its group. Other reasons are free text. */
const REASON_GROUPS: Record<string, string> = {
  'case.close': 'caseCloseReason',
  'referral.decline': 'declineReason',
};

/**
 * Everything that happened to the household, newest first: each entry labelled by the
 * `timelineEvent` dictionary, with who did it, the category or resource concerned and the reason.
 */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const label = useLabel();
  const [page, setPage] = useState(1);
  const timeline = useTimeline(caseId, page);
  const items = timeline.data?.items ?? [];
  return (
    <Card size="small">
      <QueryState isLoading={timeline.isLoading} error={timeline.error}>
        {items.length === 0 ? (
          <Empty description={t('timeline.empty')} />
        ) : (
          <>
            <Timeline
              items={items.map((e) => ({
                key: e.id,
                color: COLORS[e.entityType] ?? 'blue',
                children: (
                  <div data-testid="timeline-entry">
                    <Typography.Text strong>{label('timelineEvent', e.event)}</Typography.Text>
                    {e.categoryCode && (
                      <Tag style={{ marginInlineStart: 8 }}>
                        {label('category', e.categoryCode)}
                      </Tag>
                    )}
                    {e.resourceTitle && <Typography.Text> {e.resourceTitle}</Typography.Text>}
                    <div>
                      <Typography.Text type="secondary">
                        {formatTime(e.at)}
                        {e.actorName && ` · ${t('timeline.by', { name: e.actorName })}`}
                        {e.actorRole && `（${label('role', e.actorRole)}）`}
                      </Typography.Text>
                    </div>
                    {e.reason && (
                      <Typography.Text>
                        {REASON_GROUPS[e.event]
                          ? label(REASON_GROUPS[e.event], e.reason)
                          : e.reason}
                      </Typography.Text>
                    )}
                  </div>
                ),
              }))}
            />
            <Pagination
              size="small"
              align="end"
              current={page}
              pageSize={20}
              total={timeline.data?.total ?? 0}
              hideOnSinglePage
              showSizeChanger={false}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
