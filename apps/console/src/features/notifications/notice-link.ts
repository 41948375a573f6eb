import type { components } from '@/api/generated/schema';

type Notice = components['schemas']['NotificationDto'];

/** Where a notice leads: the page of the record it is about. */
export function noticeLink(notice: Notice): string | null {
  const id = notice.entityId;
  switch (notice.entityType) {
    case 'referral':
      return `/referrals/${id}`;
    case 'household':
      return `/households/${id}`;
    case 'match_proposal':
      return `/approvals`;
    case 'resource':
      return `/resources/${id}`;
    case 'provider_application':
      return `/applications/${id}`;
    case 'provider':
      return `/organizations/${id}`;
    case 'case':
      // Supervision notices open the case on its 督导 tab.
      return notice.type.startsWith('supervision.')
        ? `/cases/${id}?tab=supervision`
        : `/cases/${id}`;
    case 'contract':
      return `/contracts/${id}`;
    case 'award':
      return `/awards/${id}`;
    // relief: leads. The reporter's outcome notice opens their own list (the lead page is staff's).
    case 'lead':
      return notice.type === 'lead.outcome' ? '/leads/mine' : `/leads/${id}`;
    default:
      return null;
  }
}
