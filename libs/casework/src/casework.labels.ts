import { labels } from '@onedoor/platform';
import type { NoteReadPurpose, VisitKind, VisitStatus } from './visits/visit.types';

/**
 * What a timeline entry says happened: `<entity type>.<audit action>` → label, for every
 * action audited on a household, its assessments, needs, proposals, referrals and cases. Each
 * part of casework adds the actions it audits (every audit row it writes carries
 * `data.householdId`, so the timeline finds it).
 */
export const TIMELINE_EVENT_LABELS = labels<string>({
  'household.register': ['登记家庭', 'Household registered'],
  'household.update': ['修改家庭信息', 'Household details changed'],
  'household.begin_exit': ['进入渐退期', 'Gradual exit began'],
  'household.resume_assistance': ['恢复救助', 'Assistance resumed'],
  'household.exit': ['退出救助', 'Left assistance'],
  'assessment.start': ['开始评估', 'Assessment started'],
  'assessment.complete': ['完成评估', 'Assessment completed'],
  'assessment.add_need': ['评估时新增需求', 'Need added at assessment'],
  'assessment.remove_need': ['评估时移除需求', 'Need removed at assessment'],
  'need.match': ['系统匹配', 'Matched by the system'],
  'need.withdraw': ['需求撤回', 'Need withdrawn'],
  'need.reopen': ['需求重新开放', 'Need reopened'],
  'need.fulfil': ['需求已满足', 'Need fulfilled'],
  'match_proposal.approve': ['匹配建议获批', 'Proposal approved'],
  'match_proposal.reject': ['匹配建议被驳回', 'Proposal rejected'],
  'match_proposal.expire': ['匹配建议过期', 'Proposal expired'],
  'match_proposal.supersede': ['匹配建议被替代', 'Proposal superseded'],
  'referral.open': ['发出转介', 'Referral sent'],
  'referral.accept': ['机构接收转介', 'Referral accepted'],
  'referral.decline': ['机构拒绝转介', 'Referral declined'],
  'referral.deliver': ['服务已提供', 'Service delivered'],
  'referral.close': ['转介结案', 'Referral closed'],
  'referral.escalate': ['转介超时上报', 'Referral escalated'],
  'referral.expire': ['转介过期', 'Referral expired'],
  'case.open': ['建立个案', 'Case opened'],
  'case.handover': ['个案移交', 'Case handed over'],
  'case.close': ['个案结案', 'Case closed'],
  'case.reopen': ['个案重新开启', 'Case reopened'],
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
