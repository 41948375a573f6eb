import type { OutboxEventInput } from '@onedoor/platform';
import { pathUpTo } from '@onedoor/areas';
import type { ReferralEntity } from './referral.entity';
import { pendingDeadline } from './referral-deadlines';

/** How long before a deadline the provider and the approving officer are reminded. */
export const DUE_SOON_HOURS = 24;

/** What every referral notice carries: enough to read it without another request. */
function referralData(r: ReferralEntity, due: Date): Record<string, unknown> {
  return {
    referralId: r.id,
    resourceId: r.resourceId,
    resourceTitle: r.snapshot.resource.title,
    householdId: r.householdId,
    categoryCode: r.categoryCode,
    urgency: r.urgency,
    status: r.status,
    dueAt: due.toISOString(),
  };
}

/** The provider's users and the officer who approved the referral. */
function providerAndApprover(r: ReferralEntity): OutboxEventInput['audience'] {
  return [{ providerId: r.providerId }, { userIds: [r.snapshot.decidedBy.userId] }];
}

/** "Accept (or deliver) within 24 h": once per referral and deadline. */
export function dueSoonNotice(r: ReferralEntity): OutboxEventInput {
  const due = pendingDeadline(r)!;
  const type = r.status === 'open' ? 'referral.accept_due_soon' : 'referral.deliver_due_soon';
  return {
    type,
    entityType: 'referral',
    entityId: r.id,
    areaPath: r.areaPath,
    providerId: r.providerId,
    audience: providerAndApprover(r),
    data: referralData(r, due),
    dedupKey: `${type}:${r.id}:${due.toISOString()}`,
  };
}

/**
 * A referral the sweep found past its deadline: overdue to the provider and the approver, and
 * escalated to the civil-affairs staff of the area above the approver's. Once per deadline.
 */
export function overdueNotices(r: ReferralEntity, escalatedToAreaId: string): OutboxEventInput[] {
  const due = pendingDeadline(r)!;
  const data = referralData(r, due);
  const escalationPath = pathUpTo(r.areaPath, escalatedToAreaId) ?? r.areaPath;
  return [
    {
      type: 'referral.overdue',
      entityType: 'referral',
      entityId: r.id,
      areaPath: r.areaPath,
      providerId: r.providerId,
      audience: providerAndApprover(r),
      data,
      dedupKey: `referral.overdue:${r.id}:${due.toISOString()}`,
    },
    {
      type: 'referral.escalated',
      entityType: 'referral',
      entityId: r.id,
      areaPath: r.areaPath,
      providerId: r.providerId,
      audience: [{ roles: ['civil_affairs'], areaPath: escalationPath }],
      data: { ...data, escalatedToAreaId },
      dedupKey: `referral.escalated:${r.id}:${due.toISOString()}`,
    },
  ];
}
