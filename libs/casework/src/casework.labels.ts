import { labels } from '@onedoor/platform';
import type { SupervisionKind, SupervisionStatus } from './supervision/supervision.types';

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
  // supervision
  'case_supervision.create': ['提出督导意见', 'Supervision posted'],
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
