import { labels } from '@onedoor/platform';
import { UNMET_REASON_LABELS } from '@onedoor/matching';
import type { CaseOutcomeGroup } from './case-outcomes.query';
import type { StaffStep } from './staff-sla.query';
import type { AssistanceGroup, UrbanRural } from './assistance/assistance-reports.dto';

/** The matcher's unmet reasons, and the two the unmet-needs report adds for needs not (yet) matched. */
export const REPORT_UNMET_REASON_LABELS = {
  ...UNMET_REASON_LABELS,
  ...labels<'AWAITING_MATCH' | 'NO_LIVE_PROPOSAL'>({
    AWAITING_MATCH: ['等待匹配', 'Awaiting a match'],
    NO_LIVE_PROPOSAL: [
      '原建议或转介已结束，等待重新匹配',
      'No live proposal; awaiting the next run',
    ],
  }),
};

export const STAFF_STEP_LABELS = labels<StaffStep | 'total'>({
  proposal_approval: ['匹配建议审批', 'Proposal approval'],
  resource_review: ['资源审核', 'Resource review'],
  provider_application: ['机构入驻审核', 'Organization application review'],
  total: ['合计', 'Total'],
});

/** How the case outcome report groups its rows. */
export const CASE_OUTCOME_GROUP_LABELS = labels<CaseOutcomeGroup>({
  adviser: ['救助顾问', 'Adviser'],
  community: ['社区', 'Community'],
  street: ['街道', 'Street'],
});

// ledger: reports
/** How the assistance bulletin groups its rows. */
export const ASSISTANCE_GROUP_LABELS = labels<AssistanceGroup>({
  source: ['来源', 'Source'],
  category: ['类别', 'Category'],
  residency: ['户籍', 'Residency'],
  tier: ['救助层级', 'Tier'],
  urbanRural: ['城乡', 'Urban or rural'],
});

/** Urban or rural, from the household's community. */
export const URBAN_RURAL_LABELS = labels<UrbanRural>({
  urban: ['城镇', 'Urban'],
  rural: ['农村', 'Rural'],
});
