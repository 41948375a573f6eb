import { labels } from '@onedoor/platform';
import type { Residency, Tier } from './eligibility/eligibility.types';
import type {
  CategoryPurpose,
  ProviderKind,
  ResourceForm,
  ResourceStatus,
  ServiceLevel,
  VerificationStatus,
} from './resource.types';

export const TIER_LABELS = labels<Tier>({
  extreme_poverty: ['特困', 'Extreme poverty'],
  subsistence: ['低保', 'Minimum living allowance'],
  low_income: ['低收入', 'Low income'],
  expenditure_poverty: ['支出型困难', 'Expenditure poverty'],
  emergency: ['急难', 'Sudden hardship'],
});

export const RESIDENCY_LABELS = labels<Residency>({
  local: ['本地户籍', 'Local residence'],
  non_local: ['非本地户籍', 'Non-local residence'],
});

export const PROVIDER_KIND_LABELS = labels<ProviderKind>({
  government: ['政府部门', 'Government department'],
  charity: ['慈善组织', 'Charity'],
  enterprise: ['企业', 'Enterprise'],
  social_work_org: ['社会工作服务机构', 'Social-work organization'],
});

export const VERIFICATION_STATUS_LABELS = labels<VerificationStatus>({
  pending: ['待认证', 'Pending'],
  verified: ['已认证', 'Verified'],
  suspended: ['已暂停', 'Suspended'],
});

export const CATEGORY_PURPOSE_LABELS = labels<CategoryPurpose>({
  survival: ['生存型', 'Survival'],
  development: ['发展型', 'Development'],
  opportunity: ['机会型', 'Opportunity'],
});

export const RESOURCE_FORM_LABELS = labels<ResourceForm>({
  cash: ['现金', 'Cash'],
  in_kind: ['实物', 'In kind'],
  service: ['服务', 'Service'],
});

export const SERVICE_LEVEL_LABELS = labels<ServiceLevel>({
  community: ['社区级', 'Community level'],
  street: ['街道级', 'Street level'],
  district: ['区级', 'District level'],
});

export const RESOURCE_STATUS_LABELS = labels<ResourceStatus>({
  draft: ['草稿', 'Draft'],
  pending_review: ['待审核', 'Pending review'],
  published: ['已发布', 'Published'],
  paused: ['已暂停', 'Paused'],
  closed: ['已关闭', 'Closed'],
});
