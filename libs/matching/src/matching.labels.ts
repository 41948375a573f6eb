import { labels } from '@onedoor/platform';
import type { Factor, RejectionReason, UnmetReason } from './engine/match-engine';
import type { ProposalStatus } from './match-proposal.entity';
import type { ApprovalItemResultDto } from './dto/bulk-approval.dto';
import type { ReferralContactDto } from './referrals/referral.dto';
import {
  CONSENT_METHODS,
  type DeclineReason,
  type ReferralStatus,
} from './referrals/referral.entity';

export const PROPOSAL_STATUS_LABELS = labels<ProposalStatus>({
  proposed: ['待审批', 'Proposed'],
  approved: ['已批准', 'Approved'],
  rejected: ['已驳回', 'Rejected'],
  superseded: ['已被取代', 'Superseded'],
  expired: ['已过期', 'Expired'],
});

export const REFERRAL_STATUS_LABELS = labels<ReferralStatus>({
  open: ['待接受', 'Open'],
  accepted: ['已接受', 'Accepted'],
  delivered: ['已交付', 'Delivered'],
  closed: ['已结案', 'Closed'],
  declined: ['已拒绝', 'Declined'],
  expired: ['已超时失效', 'Expired'],
});

export const DECLINE_REASON_LABELS = labels<DeclineReason>({
  capacity: ['服务能力已满', 'No capacity'],
  outside_area: ['超出服务区域', 'Outside the service area'],
  not_eligible: ['不符合条件', 'Not eligible'],
  missing_documents: ['材料不全', 'Missing documents'],
  household_refused: ['家庭拒绝', 'Household refused'],
  other: ['其他', 'Other'],
});

export const CONSENT_METHOD_LABELS = labels<(typeof CONSENT_METHODS)[number]>({
  verbal: ['口头同意', 'Verbal'],
  written: ['书面同意', 'Written'],
  phone: ['电话同意', 'By phone'],
  in_person: ['当面同意', 'In person'],
  online: ['线上同意', 'Online'],
});

export const CONTACT_KIND_LABELS = labels<ReferralContactDto['kind']>({
  household: ['家庭联系人', 'Household'],
  officer: ['审批工作人员', 'Approving officer'],
});

/** Why the matcher excluded a candidate resource. */
export const REJECTION_REASON_LABELS = labels<RejectionReason>({
  OUTSIDE_COVERAGE: ['不在服务覆盖范围内', 'Outside its coverage'],
  NOT_VALID: ['不在有效期内', 'Not valid now'],
  PARKED: ['该家庭近期被拒绝，暂缓推荐', 'Parked after a recent decline'],
  CAPACITY_EXHAUSTED: ['名额已满', 'Capacity exhausted'],
  ELIGIBILITY: ['不符合资格条件', 'Not eligible'],
  DUPLICATE_ASSISTANCE: ['重复救助', 'Duplicate assistance'],
});

/** Why a need has no proposal, as the matcher records it. */
export const UNMET_REASON_LABELS = labels<UnmetReason>({
  NO_RESOURCE_IN_CATEGORY: ['该类别暂无资源', 'No resource in the category'],
  NONE_COVERS_AREA: ['无资源覆盖所在地区', 'No resource covers the area'],
  NONE_ELIGIBLE: ['不符合任何资源的条件', 'Eligible for none'],
  CAPACITY_EXHAUSTED: ['资源名额已满', 'Capacity exhausted'],
  DUPLICATE_ASSISTANCE: ['已获同类救助', 'Duplicate assistance'],
  PARKED: ['近期被拒绝，暂缓推荐', 'Parked after a recent decline'],
});

export const FACTOR_LABELS = labels<Factor>({
  level: ['服务层级', 'Service level'],
  severity: ['需求严重程度', 'Severity'],
  urgency: ['紧急程度', 'Urgency'],
  rating: ['机构评级', 'Provider rating'],
  capacity: ['剩余名额', 'Capacity left'],
  valueFit: ['金额匹配度', 'Value fit'],
});

export const APPROVAL_ITEM_STATUS_LABELS = labels<ApprovalItemResultDto['status']>({
  approved: ['已批准', 'Approved'],
  refused: ['未批准', 'Refused'],
});
