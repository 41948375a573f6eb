import { labels } from '@onedoor/platform';
import type {
  FollowUpStatus,
  DonationStatus,
  DonorKind,
  FundKind,
  FundMovementKind,
  FundStatus,
  GrantStatus,
  LeadMatch,
  LeadSource,
  LeadStatus,
} from './relief.types';

// funds
export const FUND_KIND_LABELS = labels<FundKind>({
  reserve: ['备用金', 'Reserve fund'],
  donation: ['捐赠资金', 'Donation fund'],
});

export const FUND_STATUS_LABELS = labels<FundStatus>({
  active: ['使用中', 'Active'],
  closed: ['已关闭', 'Closed'],
});

export const FUND_MOVEMENT_KIND_LABELS = labels<FundMovementKind>({
  opening: ['期初/预算', 'Opening balance'],
  allocation: ['追加拨款', 'Allocation'],
  donation: ['捐赠到账', 'Donation received'],
  // Debited when the grant is approved, not when it is handed over: "paid out" was untrue for
  // an approved grant not yet paid (or cancelled, whose credit back is an adjustment).
  grant: ['救助支出（批准时支出）', 'Grant (debited at approval)'],
  adjustment: ['调整（含撤销批准退回）', 'Adjustment (incl. cancelled grants credited back)'],
});

// grants
export const GRANT_STATUS_LABELS = labels<GrantStatus>({
  requested: ['待审批', 'Requested'],
  approved: ['已批准待发放', 'Approved'],
  paid: ['已发放', 'Paid'],
  rejected: ['未批准', 'Rejected'],
});

// donations
export const DONOR_KIND_LABELS = labels<DonorKind>({
  individual: ['个人', 'Individual'],
  organization: ['社会组织', 'Organization'],
  enterprise: ['企业', 'Enterprise'],
});

export const DONATION_STATUS_LABELS = labels<DonationStatus>({
  pledged: ['已认捐', 'Pledged'],
  received: ['已到账', 'Received'],
  cancelled: ['已取消', 'Cancelled'],
});

// leads
export const LEAD_STATUS_LABELS = labels<LeadStatus>({
  reported: ['待研判', 'Reported'],
  triaged: ['已研判', 'Triaged'],
  linked: ['已关联家庭', 'Linked to a household'],
  registered: ['已登记救助', 'Registered'],
  closed: ['已结束', 'Closed'],
});

export const LEAD_SOURCE_LABELS = labels<LeadSource>({
  reporter: ['信息员', 'Reporter'],
  staff: ['民政工作人员', 'Civil-affairs staff'],
  assessor: ['救助顾问', 'Adviser'],
  provider: ['服务机构', 'Provider'],
  public: ['群众报告', 'Public form'],
});

export const LEAD_MATCH_LABELS = labels<LeadMatch>({
  idNumber: ['身份证号相同', 'Same identity number'],
  phone: ['电话相同', 'Same phone'],
  address: ['同社区同地址', 'Same address in the community'],
});

// intake
// follow-up
export const FOLLOW_UP_STATUS_LABELS = labels<FollowUpStatus>({
  due: ['待评估', 'Due'],
  overdue: ['已逾期', 'Overdue'],
  done: ['已完成评估', 'Done'],
});
