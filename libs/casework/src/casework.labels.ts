import { labels } from '@onedoor/platform';
import type { SupervisionKind, SupervisionStatus } from './supervision/supervision.types';

/**
 * What a timeline entry says happened: `<entity type>.<audit action>` → label. Each part of
 * casework adds the actions it audits (every audit row it writes carries `data.householdId`, so
 * the timeline finds it).
 */
export const TIMELINE_EVENT_LABELS = labels<string>({
  'household.register': ['登记家庭', 'Household registered'],
  // supervision
  'case_supervision.create': ['督导意见', 'Supervision posted'],
  'case_supervision.answer': ['回复督导意见', 'Supervision answered'],
  'case_supervision.resolve': ['督导意见办结', 'Supervision resolved'],
});

export const SUPERVISION_KIND_LABELS = labels<SupervisionKind>({
  comment: ['督导意见', 'Comment'],
  required_action: ['整改要求', 'Required action'],
});

export const SUPERVISION_STATUS_LABELS = labels<SupervisionStatus>({
  open: ['待回复', 'Open'],
  answered: ['已回复', 'Answered'],
  resolved: ['已办结', 'Resolved'],
});
