import { labels } from '@onedoor/platform';
import type {
  AssessmentStatus,
  EducationStage,
  EmploymentStatus,
  Gender,
  HouseholdStatus,
  HousingKind,
  NeedStatus,
  Relation,
} from './household.types';
import type { ImportFormat, ImportStatus } from './import/household-import.entity';
import type { Dimension, TierFlag, Urgency } from './template/template.types';
import type { TierReasonCode } from './tier/tier.util';
import type { CaseCloseReason, CaseStatus } from './cases/case.types';

export const HOUSEHOLD_STATUS_LABELS = labels<HouseholdStatus>({
  active: ['救助中', 'Active'],
  exiting: ['渐退期', 'Exiting (grace period)'],
  exited: ['已退出', 'Exited'],
});

export const RELATION_LABELS = labels<Relation>({
  self: ['户主本人', 'Self'],
  spouse: ['配偶', 'Spouse'],
  child: ['子女', 'Child'],
  parent: ['父母', 'Parent'],
  grandchild: ['孙子女', 'Grandchild'],
  grandparent: ['祖父母', 'Grandparent'],
  sibling: ['兄弟姐妹', 'Sibling'],
  other: ['其他', 'Other'],
});

export const GENDER_LABELS = labels<Gender>({
  male: ['男', 'Male'],
  female: ['女', 'Female'],
});

export const EMPLOYMENT_STATUS_LABELS = labels<EmploymentStatus>({
  employed: ['在业', 'Employed'],
  unemployed: ['失业', 'Unemployed'],
  retired: ['退休', 'Retired'],
  student: ['在校学生', 'Student'],
  unable_to_work: ['无劳动能力', 'Unable to work'],
  other: ['其他', 'Other'],
});

export const EDUCATION_STAGE_LABELS = labels<EducationStage>({
  none: ['未入学', 'Not in school'],
  preschool: ['学前教育', 'Preschool'],
  primary: ['小学', 'Primary school'],
  junior: ['初中', 'Junior secondary'],
  senior: ['高中', 'Senior secondary'],
  vocational: ['职业教育', 'Vocational school'],
  college: ['大学', 'College'],
  finished: ['已完成学业', 'Finished school'],
});

export const HOUSING_KIND_LABELS = labels<HousingKind>({
  owned: ['自有住房', 'Owned'],
  rented: ['租住', 'Rented'],
  public_rental: ['公租房', 'Public rental'],
  none: ['无固定住所', 'No fixed home'],
  other: ['其他', 'Other'],
});

export const NEED_STATUS_LABELS = labels<NeedStatus>({
  open: ['待匹配', 'Open'],
  matched: ['已匹配', 'Matched'],
  fulfilled: ['已满足', 'Fulfilled'],
  closed_unmet: ['未满足关闭', 'Closed unmet'],
  withdrawn: ['已撤回', 'Withdrawn'],
});

export const ASSESSMENT_STATUS_LABELS = labels<AssessmentStatus>({
  draft: ['草稿', 'Draft'],
  completed: ['已完成', 'Completed'],
  superseded: ['已被取代', 'Superseded'],
});

export const URGENCY_LABELS = labels<Urgency>({
  normal: ['一般', 'Normal'],
  urgent: ['紧急', 'Urgent'],
  emergency: ['特急', 'Emergency'],
});

export const DIMENSION_LABELS = labels<Dimension>({
  population: ['人口结构', 'Population structure'],
  economic: ['经济状况', 'Economic status'],
  health: ['健康状况', 'Health'],
  education: ['教育', 'Education'],
  housing: ['住房', 'Housing'],
  employment: ['就业', 'Employment'],
  social_participation: ['社会参与', 'Social participation'],
  rigid_expenditure: ['刚性支出', 'Rigid expenditure'],
});

export const TIER_FLAG_LABELS = labels<TierFlag>({
  noLabourCapacity: ['无劳动能力', 'No labour capacity'],
  noSupporter: ['无法定赡养抚养扶养人', 'No legal supporter'],
  suddenEvent: ['遭遇突发事件', 'Sudden event'],
});

/** Circles 1–4, from the core safety net outward (the four-circle practice). */
export const CIRCLE_LABELS = labels<'1' | '2' | '3' | '4'>({
  '1': ['第一圈层（核心保障）', 'Circle 1 (core safety net)'],
  '2': ['第二圈层（低收入）', 'Circle 2 (low income)'],
  '3': ['第三圈层（支出型、急难）', 'Circle 3 (expenditure poverty, sudden hardship)'],
  '4': ['第四圈层（低收入边缘）', 'Circle 4 (edge of low income)'],
});

export const IMPORT_STATUS_LABELS = labels<ImportStatus>({
  queued: ['排队中', 'Queued'],
  running: ['导入中', 'Running'],
  done: ['已完成', 'Done'],
  failed: ['失败', 'Failed'],
});

export const IMPORT_FORMAT_LABELS = labels<ImportFormat>({
  xlsx: ['Excel 工作簿（xlsx）', 'Excel workbook (xlsx)'],
  csv: ['CSV 文本', 'CSV text'],
});

export const TIER_REASON_LABELS = labels<TierReasonCode>({
  extreme_poverty: [
    '无劳动能力、无生活来源、无法定赡养抚养扶养义务人（特困）',
    'No labour capacity, no income and no supporter (extreme poverty)',
  ],
  subsistence: [
    '家庭人均收入低于当地最低生活保障标准（低保）',
    'Per-capita income below the minimum living standard (subsistence)',
  ],
  sudden_event: [
    '评估发现突发事件致困（急难）',
    'A sudden event found by the assessment (emergency)',
  ],
  expenditure_poverty: [
    '扣除刚性支出后人均收入低于低保标准（支出型困难）',
    'Per-capita income after rigid expenditure below the standard (expenditure poverty)',
  ],
  low_income: [
    '人均收入低于低收入认定标准（低保标准的倍数）',
    'Per-capita income below the low-income multiple of the standard',
  ],
  outer_circle: [
    '人均收入低于外圈监测标准（低保标准的倍数）',
    'Per-capita income below the outer-circle multiple of the standard',
  ],
  above_thresholds: ['收入高于各项认定标准', 'Above every threshold'],
});

export const CASE_STATUS_LABELS = labels<CaseStatus>({
  open: ['跟进中', 'Open'],
  closed: ['已结案', 'Closed'],
});

export const CASE_CLOSE_REASON_LABELS = labels<CaseCloseReason>({
  exited: ['退出救助', 'Exited assistance'],
  moved_away: ['迁出', 'Moved away'],
  deceased: ['死亡', 'Deceased'],
  no_longer_in_difficulty: ['已摆脱困境', 'No longer in difficulty'],
  refused: ['拒绝帮扶', 'Refused'],
});
