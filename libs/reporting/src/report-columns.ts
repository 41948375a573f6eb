import { countsCell, type CsvLayout, listCell, type ReportColumn, toCsv } from './report-csv';
import type {
  ContractReportRowDto,
  ContractsReportDto,
  CoverageReportDto,
  CoverageRowDto,
  ReferralSlaReportDto,
  ReferralSlaRowDto,
  ResourcesReportDto,
  ResourceUtilizationRowDto,
  StaffSlaReportDto,
  StaffSlaRowDto,
  UnmetNeedDto,
  UnmetNeedsReportDto,
  UnmetNeedsRowDto,
} from './reports.dto';

/** Every key of a row type, in the order the CSV shows them. */
const columns = <Row>(...keys: Array<keyof Row & string>): ReportColumn<Row>[] =>
  keys.map((key) => ({ key }));

const COVERAGE_COLUMNS = columns<CoverageRowDto>(
  'key',
  'name',
  'householdsWithNeed',
  'accessible',
  'attained',
  'accessibilityRate',
  'attainabilityRate',
);

const UNMET_SUMMARY_COLUMNS: ReportColumn<UnmetNeedsRowDto>[] = [
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

const UNMET_NEED_COLUMNS: ReportColumn<UnmetNeedDto>[] = [
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

const REFERRAL_SLA_COLUMNS = columns<ReferralSlaRowDto>(
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

const STAFF_SLA_COLUMNS = columns<StaffSlaRowDto>(
  'key',
  'name',
  'steps',
  'due',
  'onTime',
  'onTimeRate',
  'overdue',
  'escalated',
);

const RESOURCE_COLUMNS = columns<ResourceUtilizationRowDto>(
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

const CONTRACT_COLUMNS = columns<ContractReportRowDto>(
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

/** A report's rows then its total row, as CSV. */
const rowsThenTotal =
  <Row>(columns: ReportColumn<Row>[]) =>
  (report: { rows: Row[]; total: Row }): string =>
    toCsv(columns, [...report.rows, report.total]);

export const COVERAGE_CSV: CsvLayout<CoverageReportDto> = {
  filename: 'coverage',
  toCsv: rowsThenTotal(COVERAGE_COLUMNS),
};

export const UNMET_NEEDS_CSV: CsvLayout<UnmetNeedsReportDto> = {
  filename: 'unmet-needs',
  // One row per need has no total row: its columns describe a need, not a count.
  toCsv: (report) =>
    report.view === 'needs'
      ? toCsv(UNMET_NEED_COLUMNS, report.rows as UnmetNeedDto[])
      : toCsv(UNMET_SUMMARY_COLUMNS, [...(report.rows as UnmetNeedsRowDto[]), report.total]),
};

export const REFERRAL_SLA_CSV: CsvLayout<ReferralSlaReportDto> = {
  filename: 'referral-sla',
  toCsv: rowsThenTotal(REFERRAL_SLA_COLUMNS),
};

export const STAFF_SLA_CSV: CsvLayout<StaffSlaReportDto> = {
  filename: 'staff-sla',
  toCsv: rowsThenTotal(STAFF_SLA_COLUMNS),
};

export const RESOURCES_CSV: CsvLayout<ResourcesReportDto> = {
  filename: 'resources',
  toCsv: rowsThenTotal(RESOURCE_COLUMNS),
};

export const CONTRACTS_CSV: CsvLayout<ContractsReportDto> = {
  filename: 'contracts',
  toCsv: rowsThenTotal(CONTRACT_COLUMNS),
};
