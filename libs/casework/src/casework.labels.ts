import { labels } from '@onedoor/platform';
import type { NoteReadPurpose, VisitKind, VisitStatus } from './visits/visit.types';

/**
 * What a timeline entry says happened: `<entity type>.<audit action>` → label. Each part of
 * casework adds the actions it audits (every audit row it writes carries `data.householdId`, so
 * the timeline finds it).
 */
export const TIMELINE_EVENT_LABELS = labels<string>({
  'household.register': ['登记家庭', 'Household registered'],
  // visits and notes
  'case_visit.record': ['记录走访', 'Visit recorded'],
  'case_visit.correct_note': ['更正走访内容', 'Visit note corrected'],
  'case_visit.schedule': ['安排回访', 'Revisit scheduled'],
});

// visits and notes
export const VISIT_KIND_LABELS = labels<VisitKind>({
  home_visit: ['入户走访', 'Home visit'],
  phone_call: ['电话回访', 'Phone call'],
  office_meeting: ['来访面谈', 'Office meeting'],
  other: ['其他', 'Other'],
});

export const VISIT_STATUS_LABELS = labels<VisitStatus>({
  due: ['待走访', 'Due'],
  done: ['已走访', 'Done'],
  missed: ['未走访', 'Missed'],
  cancelled: ['已取消', 'Cancelled'],
});

export const NOTE_READ_PURPOSE_LABELS = labels<NoteReadPurpose>({
  list: ['查看走访记录', 'Visit list'],
  record: ['新增走访', 'Recording a visit'],
  correct: ['更正走访内容', 'Correcting a note'],
});
