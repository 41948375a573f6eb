import type { components } from '@/api/generated/schema';

export const INBOX_TABS = ['new', 'deliver', 'soon', 'overdue'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** `?tab=` as given, or the first tab (new referrals) for anything else. */
export function parseTab(value: string | null): InboxTab {
  return (INBOX_TABS as readonly string[]).includes(value ?? '') ? (value as InboxTab) : 'new';
}

/** What each tab asks GET /api/referrals: the API decides what is open, due or overdue. */
export function tabQuery(tab: InboxTab, soonHours: number) {
  switch (tab) {
    case 'new':
      return { status: 'open' as const, sort: 'deadline' as const };
    case 'deliver':
      return { status: 'accepted' as const, sort: 'deadline' as const };
    case 'soon':
      return { dueWithin: soonHours, sort: 'deadline' as const };
    case 'overdue':
      return { overdue: true, sort: 'deadline' as const };
  }
}

type Deliver = components['schemas']['DeliverReferralDto'];

/** The deliver form (amount typed in yuan) as the API's body (amount in fen). */
export function deliverBody(values: {
  units?: number | null;
  amountYuan?: number | string | null;
  note?: string | null;
  yuanToFen: (v: number | string) => number;
}): Deliver {
  const body: Deliver = { units: values.units ?? 1 };
  if (values.amountYuan !== undefined && values.amountYuan !== null && values.amountYuan !== '')
    body.amountFen = values.yuanToFen(values.amountYuan);
  if (values.note?.trim()) body.note = values.note.trim();
  return body;
}
