import { labels } from '@onedoor/platform';
import type {
  AssistanceEntryStatus,
  AssistanceFrequency,
  AssistanceSource,
  StackingKind,
} from './ledger.types';

// entries
export const ASSISTANCE_SOURCE_LABELS = labels<AssistanceSource>({
  referral: ['平台转介', 'OneDoor referral'],
  entry: ['部门登记', 'Recorded by a department'],
  import: ['名册导入', 'Imported roll'],
});

export const ASSISTANCE_FREQUENCY_LABELS = labels<AssistanceFrequency>({
  one_off: ['一次性', 'One-off'],
  monthly: ['按月', 'Monthly'],
});

export const ASSISTANCE_ENTRY_STATUS_LABELS = labels<AssistanceEntryStatus>({
  active: ['有效', 'Active'],
  voided: ['已作废', 'Voided'],
});

// stacking
export const STACKING_KIND_LABELS = labels<StackingKind>({
  complementary: ['可叠加（至缺口）', 'Complementary (up to the gap)'],
  exclusive: ['互斥', 'Exclusive'],
  once_per_period: ['周期内限一次', 'Once per period'],
});

// lookup

// imports

// reports
