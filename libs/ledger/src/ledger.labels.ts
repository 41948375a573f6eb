import { labels } from '@onedoor/platform';
import type { StackingConflictKind } from './stacking/stacking.types';
import type { LookupPurpose, LookupQuestion } from './lookup/lookup.types';
import type {
  AssistanceEntryStatus,
  AssistanceHistoryState,
  AssistanceFrequency,
  AssistanceSource,
  StackingKind,
} from './ledger.types';

// entries
export const ASSISTANCE_SOURCE_LABELS = labels<AssistanceSource>({
  referral: ['平台转介', 'OneDoor referral'],
  entry: ['部门登记', 'Recorded by a department'],
  import: ['名册导入', 'Imported roll'],
  grant: ['临时救助金', 'Emergency grant'],
});

export const ASSISTANCE_FREQUENCY_LABELS = labels<AssistanceFrequency>({
  one_off: ['一次性', 'One-off'],
  monthly: ['按月', 'Monthly'],
});

export const ASSISTANCE_ENTRY_STATUS_LABELS = labels<AssistanceEntryStatus>({
  active: ['有效', 'Active'],
  voided: ['已作废', 'Voided'],
});

export const ASSISTANCE_HISTORY_STATE_LABELS = labels<AssistanceHistoryState>({
  active: ['有效', 'Active'],
  voided: ['已作废', 'Voided'],
  pending: ['待发放', 'Awaiting delivery'],
  in_progress: ['进行中', 'In progress'],
});

// stacking
export const STACKING_KIND_LABELS = labels<StackingKind>({
  complementary: ['可叠加（至缺口）', 'Complementary (up to the gap)'],
  exclusive: ['互斥', 'Exclusive'],
  once_per_period: ['周期内限一次', 'Once per period'],
});

/** Where a benefit a conflict names is recorded: the ledger's sources, or a referral under way. */
export const BENEFIT_SOURCE_LABELS = labels<AssistanceSource | 'pending_referral'>({
  referral: ['平台转介', 'OneDoor referral'],
  entry: ['部门登记', 'Recorded by a department'],
  import: ['名册导入', 'Imported roll'],
  grant: ['临时救助金', 'Emergency grant'],
  pending_referral: ['已批准待发放', 'Approved, not yet delivered'],
});

/** Why-not wording of a stacking conflict (the benefit it is with is named beside it). */
export const STACKING_CONFLICT_LABELS = labels<StackingConflictKind>({
  exclusive: ['与已享受的救助互斥', 'Exclusive with a benefit received'],
  once_per_period: ['周期内已享受过', 'Already received within the period'],
  gap_covered: ['费用缺口已覆盖', 'The money gap is covered'],
  need_served: ['该需求已有救助', 'The need is already served'],
  same_resource: ['该资源已服务过该家庭', 'This resource already served the household'],
});

// lookup
export const LOOKUP_PURPOSE_LABELS = labels<LookupPurpose>({
  eligibility_review: ['资格审核', 'Eligibility review'],
  duplicate_check: ['重复救助核查', 'Duplicate assistance check'],
  referral_service: ['转介服务', 'Referral service'],
  other: ['其他', 'Other'],
});

export const LOOKUP_QUESTION_LABELS = labels<LookupQuestion>({
  receives: ['是否正在享受某类救助', 'Currently receives a category'],
  tier: ['是否为某类困难对象', 'Is certified in a tier'],
});

// imports

// reports
