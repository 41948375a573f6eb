import type { DynamicModule } from '@nestjs/common';
import {
  LOGIN_EVENT_KIND_LABELS,
  LOGIN_OUTCOME_LABELS,
  PROVIDER_APPLICATION_STATUS_LABELS,
} from '@onedoor/accounts';
import { AREA_LEVEL_LABELS } from '@onedoor/areas';
import {
  ASSESSMENT_STATUS_LABELS,
  CIRCLE_LABELS,
  DIMENSION_LABELS,
  EDUCATION_STAGE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  GENDER_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  CASE_CLOSE_REASON_LABELS,
  CASE_STATUS_LABELS,
  HOUSING_KIND_LABELS,
  IMPORT_FORMAT_LABELS,
  IMPORT_STATUS_LABELS,
  TIER_REASON_LABELS,
  NEED_STATUS_LABELS,
  RELATION_LABELS,
  TIER_FLAG_LABELS,
  URGENCY_LABELS,
} from '@onedoor/households';
import {
  APPROVAL_ITEM_STATUS_LABELS,
  CONSENT_METHOD_LABELS,
  CONTACT_KIND_LABELS,
  DECLINE_REASON_LABELS,
  FACTOR_LABELS,
  PROPOSAL_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  REJECTION_REASON_LABELS,
} from '@onedoor/matching';
import {
  DELIVERY_STATUS_LABELS,
  EVENT_TYPE_LABELS,
  WEBHOOK_FORMAT_LABELS,
} from '@onedoor/notifications';
import {
  DictionariesModule,
  type DictionaryGroups,
  EVALUATOR_TYPE_LABELS,
  ROLE_LABELS,
} from '@onedoor/platform';
import {
  AWARD_STATUS_LABELS,
  BID_QUALIFICATION_LABELS,
  BID_REQUIREMENT_LABELS,
  BID_STATUS_LABELS,
  CONTRACT_STATUS_LABELS,
  CRITERION_LABELS,
  EVALUATION_DIMENSION_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_STATUS_LABELS,
  GRADE_LABELS,
  MILESTONE_OUTCOME_LABELS,
  PAYMENT_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  RANKING_STATUS_LABELS,
} from '@onedoor/procurement';
import {
  SUPERVISION_KIND_LABELS,
  SUPERVISION_STATUS_LABELS,
  TIMELINE_EVENT_LABELS,
  PLAN_ACTION_KIND_LABELS,
  PLAN_ACTION_STATUS_LABELS,
  PLAN_AGREEMENT_METHOD_LABELS,
  PLAN_GOAL_FLAG_LABELS,
  PLAN_GOAL_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  CHECK_IN_MODE_LABELS,
  INCOME_CHANGE_LABELS,
  MEMBER_CHANGE_LABELS,
  REASSESSMENT_REASON_LABELS,
  NOTE_READ_PURPOSE_LABELS,
  VISIT_KIND_LABELS,
  VISIT_STATUS_LABELS,
} from '@onedoor/casework';
import {
  ASSISTANCE_ENTRY_STATUS_LABELS,
  ASSISTANCE_FREQUENCY_LABELS,
  ASSISTANCE_HISTORY_STATE_LABELS,
  ASSISTANCE_SOURCE_LABELS,
  BENEFIT_SOURCE_LABELS,
  LOOKUP_PURPOSE_LABELS,
  LOOKUP_QUESTION_LABELS,
  STACKING_CONFLICT_LABELS,
  STACKING_KIND_LABELS,
} from '@onedoor/ledger';
import {
  DONATION_STATUS_LABELS,
  DONOR_KIND_LABELS,
  FUND_KIND_LABELS,
  FUND_MOVEMENT_KIND_LABELS,
  FUND_STATUS_LABELS,
  GRANT_STATUS_LABELS,
  LEAD_MATCH_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  // relief: follow-up
  FOLLOW_UP_STATUS_LABELS,
} from '@onedoor/relief';
import {
  ASSISTANCE_GROUP_LABELS,
  URBAN_RURAL_LABELS,
  CASE_OUTCOME_GROUP_LABELS,
  REPORT_UNMET_REASON_LABELS,
  STAFF_STEP_LABELS,
} from '@onedoor/reporting';
import {
  CATEGORY_PURPOSE_LABELS,
  CategoryDictionary,
  PROVIDER_KIND_LABELS,
  RESIDENCY_LABELS,
  RESOURCE_FORM_LABELS,
  RESOURCE_STATUS_LABELS,
  ResourcesModule,
  SERVICE_LEVEL_LABELS,
  TIER_LABELS,
  VERIFICATION_STATUS_LABELS,
} from '@onedoor/resources';

import { errorCodeLabels } from './error-messages';

/**
 * Every lib's label tables under their group names: `GET /api/dictionaries` answers these, and
 * the e2e spec `dictionaries` checks that every enum of the OpenAPI document is covered.
 */
export const DICTIONARY_GROUPS: DictionaryGroups = {
  // platform
  role: ROLE_LABELS,
  evaluatorType: EVALUATOR_TYPE_LABELS,
  // areas
  areaLevel: AREA_LEVEL_LABELS,
  // resources
  tier: TIER_LABELS,
  residency: RESIDENCY_LABELS,
  providerKind: PROVIDER_KIND_LABELS,
  verificationStatus: VERIFICATION_STATUS_LABELS,
  purpose: CATEGORY_PURPOSE_LABELS,
  resourceForm: RESOURCE_FORM_LABELS,
  serviceLevel: SERVICE_LEVEL_LABELS,
  resourceStatus: RESOURCE_STATUS_LABELS,
  // accounts
  loginEventKind: LOGIN_EVENT_KIND_LABELS,
  loginOutcome: LOGIN_OUTCOME_LABELS,
  providerApplicationStatus: PROVIDER_APPLICATION_STATUS_LABELS,
  // notifications
  eventType: EVENT_TYPE_LABELS,
  webhookFormat: WEBHOOK_FORMAT_LABELS,
  webhookDeliveryStatus: DELIVERY_STATUS_LABELS,
  // households
  circle: CIRCLE_LABELS,
  householdStatus: HOUSEHOLD_STATUS_LABELS,
  caseStatus: CASE_STATUS_LABELS,
  caseCloseReason: CASE_CLOSE_REASON_LABELS,
  relation: RELATION_LABELS,
  gender: GENDER_LABELS,
  employmentStatus: EMPLOYMENT_STATUS_LABELS,
  educationStage: EDUCATION_STAGE_LABELS,
  housingKind: HOUSING_KIND_LABELS,
  importStatus: IMPORT_STATUS_LABELS,
  importFormat: IMPORT_FORMAT_LABELS,
  tierReason: TIER_REASON_LABELS,
  needStatus: NEED_STATUS_LABELS,
  assessmentStatus: ASSESSMENT_STATUS_LABELS,
  urgency: URGENCY_LABELS,
  assessmentDimension: DIMENSION_LABELS,
  tierFlag: TIER_FLAG_LABELS,
  // matching
  proposalStatus: PROPOSAL_STATUS_LABELS,
  approvalItemStatus: APPROVAL_ITEM_STATUS_LABELS,
  referralStatus: REFERRAL_STATUS_LABELS,
  declineReason: DECLINE_REASON_LABELS,
  consentMethod: CONSENT_METHOD_LABELS,
  contactKind: CONTACT_KIND_LABELS,
  rejectionReason: REJECTION_REASON_LABELS,
  explanationFactor: FACTOR_LABELS,
  // procurement
  projectStatus: PROJECT_STATUS_LABELS,
  bidStatus: BID_STATUS_LABELS,
  bidQualification: BID_QUALIFICATION_LABELS,
  bidRequirement: BID_REQUIREMENT_LABELS,
  rankingStatus: RANKING_STATUS_LABELS,
  awardStatus: AWARD_STATUS_LABELS,
  contractStatus: CONTRACT_STATUS_LABELS,
  milestoneOutcome: MILESTONE_OUTCOME_LABELS,
  paymentStatus: PAYMENT_STATUS_LABELS,
  evaluationKind: EVALUATION_KIND_LABELS,
  evaluationStatus: EVALUATION_STATUS_LABELS,
  evaluationDimension: EVALUATION_DIMENSION_LABELS,
  grade: GRADE_LABELS,
  criterion: CRITERION_LABELS,
  // ledger: entries
  assistanceSource: ASSISTANCE_SOURCE_LABELS,
  assistanceFrequency: ASSISTANCE_FREQUENCY_LABELS,
  assistanceEntryStatus: ASSISTANCE_ENTRY_STATUS_LABELS,
  assistanceHistoryState: ASSISTANCE_HISTORY_STATE_LABELS,
  // ledger: stacking
  stackingKind: STACKING_KIND_LABELS,
  stackingConflict: STACKING_CONFLICT_LABELS,
  benefitSource: BENEFIT_SOURCE_LABELS,
  // ledger: lookup
  lookupPurpose: LOOKUP_PURPOSE_LABELS,
  lookupQuestion: LOOKUP_QUESTION_LABELS,
  // ledger: imports
  // ledger: reports
  assistanceGroup: ASSISTANCE_GROUP_LABELS,
  urbanRural: URBAN_RURAL_LABELS,
  // relief: funds
  fundKind: FUND_KIND_LABELS,
  fundStatus: FUND_STATUS_LABELS,
  fundMovementKind: FUND_MOVEMENT_KIND_LABELS,
  // relief: grants
  grantStatus: GRANT_STATUS_LABELS,
  // relief: donations
  donorKind: DONOR_KIND_LABELS,
  donationStatus: DONATION_STATUS_LABELS,
  // relief: leads
  leadStatus: LEAD_STATUS_LABELS,
  leadSource: LEAD_SOURCE_LABELS,
  leadMatch: LEAD_MATCH_LABELS,
  // relief: intake
  // relief: follow-up
  followUpStatus: FOLLOW_UP_STATUS_LABELS,
  // casework
  timelineEvent: TIMELINE_EVENT_LABELS,
  supervisionKind: SUPERVISION_KIND_LABELS,
  supervisionStatus: SUPERVISION_STATUS_LABELS,
  planStatus: PLAN_STATUS_LABELS,
  planGoalStatus: PLAN_GOAL_STATUS_LABELS,
  planGoalFlag: PLAN_GOAL_FLAG_LABELS,
  planActionKind: PLAN_ACTION_KIND_LABELS,
  planActionStatus: PLAN_ACTION_STATUS_LABELS,
  planAgreementMethod: PLAN_AGREEMENT_METHOD_LABELS,

  visitKind: VISIT_KIND_LABELS,
  visitStatus: VISIT_STATUS_LABELS,
  noteReadPurpose: NOTE_READ_PURPOSE_LABELS,
  checkInMode: CHECK_IN_MODE_LABELS,
  incomeChange: INCOME_CHANGE_LABELS,
  memberChange: MEMBER_CHANGE_LABELS,
  reassessmentReason: REASSESSMENT_REASON_LABELS,
  // reporting
  unmetReason: REPORT_UNMET_REASON_LABELS,
  staffSlaStep: STAFF_STEP_LABELS,
  caseOutcomeGroup: CASE_OUTCOME_GROUP_LABELS,
  // The error codes' labels are their messages, with a detail's placeholder shown as "…".
  errorCode: Object.fromEntries(
    Object.entries(errorCodeLabels()).map(([code, text]) => [
      code,
      {
        'zh-CN': text['zh-CN'].replace(/\{\w+\}/g, '…'),
        en: text.en.replace(/\{\w+\}/g, '…'),
      },
    ]),
  ),
};

/**
 * The labels for either process: the API serves them (`routes`), the matcher reads them for
 * notices. Groups read at run time are providers exported by `imports`; the error codes' group
 * is plugged in the same way (a provider answering `{ errorCode: … }`).
 */
export function dictionariesModule(routes: boolean): DynamicModule {
  return DictionariesModule.forRoot({
    imports: [ResourcesModule],
    groups: DICTIONARY_GROUPS,
    providers: [CategoryDictionary],
    routes,
  });
}
