import { labels } from '@onedoor/platform';
import type {
  CheckInMode,
  IncomeChange,
  MemberChange,
  ReassessmentReason,
} from './checkins/check-in.types';

/**
 * What a timeline entry says happened: `<entity type>.<audit action>` → label. Each part of
 * casework adds the actions it audits (every audit row it writes carries `data.householdId`, so
 * the timeline finds it).
 */
export const TIMELINE_EVENT_LABELS = labels<string>({
  'household.register': ['登记家庭', 'Household registered'],
  'case_check_in.record': ['回访', 'Check-in'],
  'household.move': ['家庭迁移', 'Household moved'],
});

// check-ins
export const CHECK_IN_MODE_LABELS = labels<CheckInMode>({
  phone: ['电话回访', 'Phone call'],
  visit: ['入户回访', 'Home visit'],
});

export const INCOME_CHANGE_LABELS = labels<IncomeChange>({
  unchanged: ['无变化', 'Unchanged'],
  lost_job: ['失业', 'Lost a job'],
  fell: ['收入下降', 'Income fell'],
  rose: ['收入增加', 'Income rose'],
});

export const MEMBER_CHANGE_LABELS = labels<MemberChange>({
  birth: ['新生儿出生', 'Birth'],
  death: ['成员去世', 'Death'],
  moved_in: ['有人迁入', 'Someone moved in'],
  moved_out: ['有人迁出', 'Someone moved out'],
});

export const REASSESSMENT_REASON_LABELS = labels<ReassessmentReason>({
  income_changed: ['收入明显变化', 'Income changed markedly'],
  members_changed: ['家庭成员变化', 'Household members changed'],
  new_disability: ['新增残疾', 'New disability'],
  no_assessment: ['尚无已完成的评估', 'No completed assessment yet'],
});
