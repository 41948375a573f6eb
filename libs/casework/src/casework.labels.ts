import { labels } from '@onedoor/platform';
import type { SupervisionKind, SupervisionStatus } from './supervision/supervision.types';

import type {
  CheckInMode,
  IncomeChange,
  MemberChange,
  ReassessmentReason,
} from './checkins/check-in.types';
import type {
  ActionKind,
  ActionStatus,
  AgreementMethod,
  GoalFlagReason,
  GoalStatus,
  PlanStatus,
} from './plans/plan.types';

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
  'need.set_gap': ['评定费用缺口', 'Money gap assessed'],
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
  // plans
  'case_plan.generate': ['生成服务计划', 'Plan generated'],
  'case_plan.edit': ['修改服务计划', 'Plan edited'],
  'case_plan.new_version': ['服务计划新版本', 'New plan version'],
  'case_plan.upload_file': ['上传计划确认文件', 'Plan agreement file uploaded'],
  'case_plan.agree': ['家庭确认服务计划', 'Plan agreed by the family'],
  'case_plan.action_done': [
    '计划措施已完成（转介已服务）',
    'Plan action done (referral delivered)',
  ],
  'case_plan.goal_flagged': ['计划目标待跟进（转介未成）', 'Plan goal flagged (referral ended)'],
  'case_plan.goal_achieved': ['计划目标已达成', 'Plan goal achieved'],
  // visits and notes
  'case_visit.record': ['记录走访', 'Visit recorded'],
  'case_visit.correct_note': ['更正走访内容', 'Visit note corrected'],
  'case_visit.schedule': ['安排回访', 'Revisit scheduled'],
  // supervision
  'case_supervision.create': ['提出督导意见', 'Supervision posted'],
  'case_supervision.answer': ['回复督导意见', 'Supervision answered'],
  'case_supervision.resolve': ['督导意见办结', 'Supervision resolved'],
  // check-ins and moves
  'case_check_in.record': ['回访', 'Check-in'],
  'household.move': ['家庭迁移', 'Household moved'],
  // assistance ledger: entries
  'assistance_entry.record': ['登记救助', 'Assistance recorded'],
  'assistance_entry.void': ['作废救助记录', 'Assistance entry voided'],
  // ledger: imports (a roll's rows for a household, one row per household and batch)
  'assistance_import.create': ['上传救助名册', 'Assistance roll uploaded'],
  'assistance_import.import_rows': ['名册导入救助记录', 'Assistance imported from a roll'],
});

// plans
export const PLAN_STATUS_LABELS = labels<PlanStatus>({
  draft: ['草稿', 'Draft'],
  agreed: ['家庭已确认', 'Agreed'],
  superseded: ['已被新版本取代', 'Superseded'],
});

export const PLAN_GOAL_STATUS_LABELS = labels<GoalStatus>({
  open: ['未开始', 'Open'],
  in_progress: ['进行中', 'In progress'],
  achieved: ['已达成', 'Achieved'],
  dropped: ['已放弃', 'Dropped'],
});

export const PLAN_GOAL_FLAG_LABELS = labels<GoalFlagReason>({
  referral_declined: ['转介被服务方拒绝', 'Referral declined'],
  referral_expired: ['转介已超时失效', 'Referral expired'],
});

export const PLAN_ACTION_KIND_LABELS = labels<ActionKind>({
  referral: ['转介服务', 'Referral'],
  adviser_service: ['顾问服务', 'Adviser service'],
  family_step: ['家庭行动', 'Family step'],
});

export const PLAN_ACTION_STATUS_LABELS = labels<ActionStatus>({
  todo: ['待办', 'To do'],
  done: ['已完成', 'Done'],
  cancelled: ['已取消', 'Cancelled'],
});

export const PLAN_AGREEMENT_METHOD_LABELS = labels<AgreementMethod>({
  signed_file: ['家庭签字文件', 'Signed document'],
  attestation: ['顾问见证确认', "Adviser's attestation"],
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

export const SUPERVISION_KIND_LABELS = labels<SupervisionKind>({
  comment: ['督导意见', 'Comment'],
  required_action: ['整改要求', 'Required action'],
});

export const SUPERVISION_STATUS_LABELS = labels<SupervisionStatus>({
  open: ['待回复', 'Open'],
  answered: ['已回复', 'Answered'],
  resolved: ['已办结', 'Resolved'],
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
