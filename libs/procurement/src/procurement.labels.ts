import { labels } from '@onedoor/platform';
import type {
  ContractStatus,
  MilestoneOutcome,
  PaymentStatus,
} from './contracts/contract.entities';
import type { RankingDto } from './evaluation/dto/ranking.dto';
import type { EvaluationKind, Grade } from './performance/performance.entities';
import type {
  AwardStatus,
  BidStatus,
  EvaluationDimension,
  ProjectStatus,
  Qualification,
} from './procurement.types';
import type { REQUIRED_CRITERIA } from './procurement.types';

export const PROJECT_STATUS_LABELS = labels<ProjectStatus>({
  draft: ['草稿', 'Draft'],
  published: ['招标中', 'Published'],
  bidding_closed: ['投标已截止', 'Bidding closed'],
  evaluating: ['评审中', 'Evaluating'],
  awarded: ['已中标', 'Awarded'],
  failed: ['流标', 'Failed'],
  cancelled: ['已取消', 'Cancelled'],
});

export const BID_STATUS_LABELS = labels<BidStatus>({
  submitted: ['已提交', 'Submitted'],
  withdrawn: ['已撤回', 'Withdrawn'],
  replaced: ['已被替换', 'Replaced'],
});

export const BID_QUALIFICATION_LABELS = labels<Qualification>({
  pending: ['待资格审查', 'Pending'],
  qualified: ['资格审查通过', 'Qualified'],
  disqualified: ['资格审查未通过', 'Disqualified'],
});

export const BID_REQUIREMENT_LABELS = labels<
  'minCertifiedSocialWorkers' | 'minYearsOperating' | 'verified'
>({
  minCertifiedSocialWorkers: ['持证社工人数下限', 'Minimum certified social workers'],
  minYearsOperating: ['成立年限下限', 'Minimum years operating'],
  verified: ['机构已认证', 'Verified organization'],
});

export const RANKING_STATUS_LABELS = labels<RankingDto['status']>({
  incomplete: ['评分未完成', 'Incomplete'],
  needs_moderation: ['待复核', 'Needs moderation'],
  ranked: ['已排名', 'Ranked'],
});

export const AWARD_STATUS_LABELS = labels<AwardStatus>({
  pending: ['待确认', 'Pending'],
  accepted: ['已接受', 'Accepted'],
  declined: ['已放弃', 'Declined'],
});

export const CONTRACT_STATUS_LABELS = labels<ContractStatus>({
  active: ['履行中', 'Active'],
  completed: ['已完成', 'Completed'],
  terminated: ['已终止', 'Terminated'],
});

/** Also labels the milestone decisions, which are the outcomes but `scheduled`. */
export const MILESTONE_OUTCOME_LABELS = labels<MilestoneOutcome>({
  scheduled: ['未到期', 'Scheduled'],
  met: ['已达成', 'Met'],
  partially_met: ['部分达成', 'Partially met'],
  not_met: ['未达成', 'Not met'],
});

export const PAYMENT_STATUS_LABELS = labels<PaymentStatus>({
  none: ['无需支付', 'None'],
  waiting: ['待支付', 'Waiting'],
  paid: ['已支付', 'Paid'],
});

export const EVALUATION_KIND_LABELS = labels<EvaluationKind>({
  mid_term: ['中期评估', 'Mid-term'],
  final: ['终期评估', 'Final'],
});

export const EVALUATION_STATUS_LABELS = labels<'open' | 'completed'>({
  open: ['评估中', 'Open'],
  completed: ['已完成', 'Completed'],
});

export const GRADE_LABELS = labels<Grade>({
  excellent: ['优秀', 'Excellent'],
  good: ['良好', 'Good'],
  pass: ['合格', 'Pass'],
  fail: ['不合格', 'Fail'],
});

export const EVALUATION_DIMENSION_LABELS = labels<EvaluationDimension>({
  administrativeSupervision: ['行政监管', 'Administrative supervision'],
  serviceOutcomes: ['服务成效', 'Service outcomes'],
  projectManagement: ['项目管理', 'Project management'],
  socialImpact: ['社会影响', 'Social impact'],
});

/** The criteria every tender weighs; a project's own criteria carry their own names. */
export const CRITERION_LABELS = labels<(typeof REQUIRED_CRITERIA)[number]>({
  price: ['价格', 'Price'],
  professional_qualification: ['专业资质', 'Professional qualification'],
  internal_governance: ['内部治理', 'Internal governance'],
  human_resources: ['人力资源', 'Human resources'],
  service_proposal: ['服务方案', 'Service proposal'],
});
