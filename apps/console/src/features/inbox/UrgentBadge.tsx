import { DeadlineBadge } from '@/features/approvals/DeadlineBadge';
import { dueState } from '@/features/approvals/queue';

/** The deadline badge only when it says something: due soon (orange) or past (red). */
export function UrgentBadge({
  deadline,
  soonHours,
}: {
  deadline?: string | null;
  soonHours: number;
}) {
  const state = dueState(deadline, soonHours);
  if (state !== 'soon' && state !== 'overdue') return null;
  return <DeadlineBadge deadline={deadline} soonHours={soonHours} />;
}
