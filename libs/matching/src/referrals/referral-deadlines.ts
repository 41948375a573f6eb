import type { AppConfig } from '@onedoor/platform';
import type { Urgency } from '../engine/match-engine';
import type { ReferralStatus } from './referral.entity';

const HOUR = 3600_000;

/**
 * Deadlines fixed when a referral opens: accept within SLA_ACCEPT_HOURS(_EMERGENCY), deliver
 * within SLA_DELIVER_DAYS(_EMERGENCY), both counted from approval (a late acceptance does not
 * buy the provider more time to deliver).
 */
export function referralDeadlines(
  urgency: Urgency,
  openedAt: Date,
  sla: AppConfig['referrals'],
): { acceptDueAt: Date; deliverDueAt: Date } {
  const kind = urgency === 'emergency' ? 'emergency' : 'normal';
  return {
    acceptDueAt: new Date(openedAt.getTime() + sla.acceptHours[kind] * HOUR),
    deliverDueAt: new Date(openedAt.getTime() + sla.deliverDays[kind] * 24 * HOUR),
  };
}

/** The deadline a referral in this status is waiting on (null: nothing is due). */
export function pendingDeadline(r: {
  status: ReferralStatus;
  acceptDueAt: Date;
  deliverDueAt: Date;
}): Date | null {
  if (r.status === 'open') return r.acceptDueAt;
  if (r.status === 'accepted') return r.deliverDueAt;
  return null;
}

/**
 * An overdue referral expires the hard limit after the deadline it missed, so at `now` those
 * whose missed deadline is before this cutoff expire.
 */
export function expiryCutoff(now: Date, sla: AppConfig['referrals']): Date {
  return new Date(now.getTime() - sla.expireAfterOverdueHours * HOUR);
}
