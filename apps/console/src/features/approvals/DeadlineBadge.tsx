import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime, hoursUntil } from '@/lib/format';
import { dueState } from './queue';

/** An approval deadline: red when past, orange when due soon, else the time itself. */
export function DeadlineBadge({
  deadline,
  soonHours,
}: {
  deadline?: string | null;
  soonHours: number;
}) {
  const { t } = useTranslation('approvals');
  const state = dueState(deadline, soonHours);
  if (state === 'none' || !deadline) return null;
  const hours = Math.abs(Math.round(hoursUntil(deadline)));
  const text =
    state === 'overdue'
      ? t('due.overdue', { hours })
      : state === 'soon'
        ? t('due.soon', { hours })
        : t('due.at', { time: formatTime(deadline) });
  const color = state === 'overdue' ? 'red' : state === 'soon' ? 'orange' : 'default';
  return (
    <Tooltip title={t('due.deadline', { time: formatTime(deadline) })}>
      <Tag color={color} data-testid="deadline-badge">
        {text}
      </Tag>
    </Tooltip>
  );
}
