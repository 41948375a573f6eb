import { countsCell, listCell, type ReportColumn } from './report-csv';
import type {
  ContractReportRowDto,
  CoverageRowDto,
  ReferralSlaRowDto,
  ResourceUtilizationRowDto,
  UnmetNeedDto,
  UnmetNeedsRowDto,
} from './reports.dto';

/** Every key of a row type, in the order the CSV shows them. */
const columns = <Row>(...keys: Array<keyof Row & string>): ReportColumn<Row>[] =>
  keys.map((key) => ({ key }));

export const COVERAGE_COLUMNS = columns<CoverageRowDto>(
  'key',
  'name',
  'householdsWithNeed',
  'accessible',
  'attained',
  'accessibilityRate',
  'attainabilityRate',
);

export const UNMET_SUMMARY_COLUMNS: ReportColumn<UnmetNeedsRowDto>[] = [
  ...columns<UnmetNeedsRowDto>(
    'areaId',
    'areaName',
    'categoryCode',
    'categoryName',
    'needs',
    'households',
    'oldestWaitingSince',
    'oldestWaitingDays',
  ),
  { key: 'reasons', format: countsCell },
];

export const UNMET_NEED_COLUMNS: ReportColumn<UnmetNeedDto>[] = [
  ...columns<UnmetNeedDto>(
    'needId',
    'householdId',
    'areaId',
    'areaName',
    'categoryCode',
    'categoryName',
    'severity',
    'urgency',
    'waitingSince',
    'waitingDays',
  ),
  { key: 'reasons', format: listCell },
];

export const REFERRAL_SLA_COLUMNS = columns<ReferralSlaRowDto>(
  'key',
  'name',
  'referrals',
  'open',
  'accepted',
  'delivered',
  'closed',
  'declined',
  'expired',
  'acceptanceDue',
  'acceptedWithinDeadline',
  'acceptedWithinDeadlineRate',
  'deliveryDue',
  'deliveredWithinDeadline',
  'deliveredWithinDeadlineRate',
  'overdue',
  'escalated',
  'medianHoursToAccept',
  'medianHoursToDeliver',
);

export const RESOURCE_COLUMNS = columns<ResourceUtilizationRowDto>(
  'key',
  'name',
  'providerName',
  'providerKind',
  'categoryCode',
  'status',
  'validUntil',
  'resources',
  'capacity',
  'reserved',
  'delivered',
  'remaining',
  'shareUsed',
  'expiringSoon',
);

export const CONTRACT_COLUMNS = columns<ContractReportRowDto>(
  'key',
  'name',
  'providerName',
  'status',
  'valueFen',
  'milestones',
  'milestonesMet',
  'milestonesPartiallyMet',
  'milestonesNotMet',
  'paidFen',
  'waitingFen',
  'latestGrade',
  'latestScore',
  'referrals',
  'acceptedWithinDeadline',
  'deliveredWithinDeadline',
  'closedResolved',
  'meanSatisfaction',
);
