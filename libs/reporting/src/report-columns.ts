import {
  beijingTimeCell,
  countsCell,
  type CsvContext,
  type CsvLayout,
  labelCell,
  labelledCountsCell,
  labelledListCell,
  listCell,
  type ReportColumn,
  toTable,
  type ReportTable,
  yuanCell,
} from './report-csv';
import type { CaseOutcomesReportDto, CaseOutcomesRowDto } from './case-outcomes.dto';
import type {
  ContractReportRowDto,
  ContractsReportDto,
  CoverageMonthDto,
  CoverageMonthlyReportDto,
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

/**
 * The CSV layouts: headers in Chinese (English for `Accept-Language: en`), money in yuan with
 * two decimals (`…(元)` columns, where the JSON has integer fen), times in Beijing time. A code
 * column keeps the code (stable for filters and scripts) and is followed by its label.
 */
type Col<Row> = [
  key: keyof Row & string,
  zh: string,
  en: string,
  format?: ReportColumn<Row>['format'],
];

const columns = <Row>(...cols: Col<Row>[]): ReportColumn<Row>[] =>
  cols.map(([key, zh, en, format]) => ({ key, header: { 'zh-CN': zh, en }, format }));

/** A code column and its label beside it. */
const coded = <Row>(key: keyof Row & string, zh: string, en: string, group: string): Col<Row>[] => [
  [key, `${zh}代码`, `${en} code`, undefined],
  [key, zh, en, labelCell(group)],
];

const COVERAGE_COLUMNS = columns<CoverageRowDto>(
  ['key', '编号', 'Key'],
  ['name', '名称', 'Name'],
  ['householdsWithNeed', '有该需求的家庭数', 'Households with the need'],
  ['accessible', '可及家庭数', 'Accessible'],
  ['attained', '已获得服务家庭数', 'Attained'],
  ['accessibilityRate', '可及率', 'Accessibility rate'],
  ['attainabilityRate', '可得率', 'Attainability rate'],
);

const COVERAGE_MONTH_COLUMNS = columns<CoverageMonthDto>(
  ['month', '月份', 'Month'],
  ['from', '起始日期', 'From'],
  ['to', '截止日期', 'To'],
  ['householdsWithNeed', '有需求的家庭数', 'Households with a need'],
  ['accessible', '可及家庭数', 'Accessible'],
  ['attained', '已获得服务家庭数', 'Attained'],
  ['accessibilityRate', '可及率', 'Accessibility rate'],
  ['attainabilityRate', '可得率', 'Attainability rate'],
);

const UNMET_SUMMARY_COLUMNS = columns<UnmetNeedsRowDto>(
  ['areaId', '地区编号', 'Area id'],
  ['areaName', '地区', 'Area'],
  ['categoryCode', '类别代码', 'Category code'],
  ['categoryName', '类别', 'Category'],
  ['needs', '需求数', 'Needs'],
  ['households', '家庭数', 'Households'],
  ['oldestWaitingSince', '最早等待起始时间', 'Oldest waiting since', beijingTimeCell],
  ['oldestWaitingDays', '最长等待天数', 'Oldest waiting days'],
  ['reasons', '未满足原因代码', 'Unmet reason codes', countsCell],
  ['reasons', '未满足原因', 'Unmet reasons', labelledCountsCell('unmetReason')],
);

const UNMET_NEED_COLUMNS = columns<UnmetNeedDto>(
  ['needId', '需求编号', 'Need id'],
  ['householdId', '家庭编号', 'Household id'],
  ['areaId', '地区编号', 'Area id'],
  ['areaName', '地区', 'Area'],
  ['categoryCode', '类别代码', 'Category code'],
  ['categoryName', '类别', 'Category'],
  ['severity', '严重程度', 'Severity'],
  ...coded<UnmetNeedDto>('urgency', '紧急程度', 'Urgency', 'urgency'),
  ['waitingSince', '等待起始时间', 'Waiting since', beijingTimeCell],
  ['waitingDays', '等待天数', 'Waiting days'],
  ['reasons', '未满足原因代码', 'Unmet reason codes', listCell],
  ['reasons', '未满足原因', 'Unmet reasons', labelledListCell('unmetReason')],
);

const REFERRAL_SLA_COLUMNS = columns<ReferralSlaRowDto>(
  ['key', '编号', 'Key'],
  ['name', '名称', 'Name'],
  ['referrals', '转介数', 'Referrals'],
  ['open', '待接受', 'Open'],
  ['accepted', '已接受', 'Accepted'],
  ['delivered', '已交付', 'Delivered'],
  ['closed', '已结案', 'Closed'],
  ['declined', '已拒绝', 'Declined'],
  ['expired', '已超时失效', 'Expired'],
  ['acceptanceDue', '应接受数', 'Acceptance due'],
  ['acceptedWithinDeadline', '按时接受数', 'Accepted within deadline'],
  ['acceptedWithinDeadlineRate', '按时接受率', 'Accepted within deadline rate'],
  ['deliveryDue', '应交付数', 'Delivery due'],
  ['deliveredWithinDeadline', '按时交付数', 'Delivered within deadline'],
  ['deliveredWithinDeadlineRate', '按时交付率', 'Delivered within deadline rate'],
  ['overdue', '超时数', 'Overdue'],
  ['escalated', '上报数', 'Escalated'],
  ['medianHoursToAccept', '接受用时中位数（小时）', 'Median hours to accept'],
  ['medianHoursToDeliver', '交付用时中位数（小时）', 'Median hours to deliver'],
);

const STAFF_SLA_COLUMNS = columns<StaffSlaRowDto>(
  ['key', '环节代码', 'Step code'],
  ['key', '环节', 'Step', labelCell('staffSlaStep')],
  ['steps', '事项数', 'Steps'],
  ['due', '应办结数', 'Due'],
  ['onTime', '按时办结数', 'On time'],
  ['onTimeRate', '按时办结率', 'On-time rate'],
  ['overdue', '超时数', 'Overdue'],
  ['escalated', '上报数', 'Escalated'],
);

const RESOURCE_COLUMNS = columns<ResourceUtilizationRowDto>(
  ['key', '编号', 'Key'],
  ['name', '名称', 'Name'],
  ['providerName', '机构', 'Provider'],
  ...coded<ResourceUtilizationRowDto>('providerKind', '机构类型', 'Provider kind', 'providerKind'),
  ...coded<ResourceUtilizationRowDto>('categoryCode', '类别', 'Category', 'category'),
  ...coded<ResourceUtilizationRowDto>('status', '状态', 'Status', 'resourceStatus'),
  ['validUntil', '有效期至', 'Valid until'],
  ['resources', '资源数', 'Resources'],
  ['capacity', '名额', 'Capacity'],
  ['reserved', '已预留', 'Reserved'],
  ['delivered', '已交付', 'Delivered'],
  ['remaining', '剩余', 'Remaining'],
  ['shareUsed', '使用率', 'Share used'],
  ['expiringSoon', '即将到期数', 'Expiring soon'],
);

const CONTRACT_COLUMNS = columns<ContractReportRowDto>(
  ['key', '合同编号', 'Contract id'],
  ['name', '名称', 'Name'],
  ['providerName', '机构', 'Provider'],
  ...coded<ContractReportRowDto>('status', '合同状态', 'Status', 'contractStatus'),
  ['valueFen', '合同金额(元)', 'Value (yuan)', yuanCell],
  ['milestones', '里程碑数', 'Milestones'],
  ['milestonesMet', '已达成', 'Met'],
  ['milestonesPartiallyMet', '部分达成', 'Partially met'],
  ['milestonesNotMet', '未达成', 'Not met'],
  ['paidFen', '已支付(元)', 'Paid (yuan)', yuanCell],
  ['waitingFen', '待支付(元)', 'Waiting (yuan)', yuanCell],
  ...coded<ContractReportRowDto>('latestGrade', '最近评估等级', 'Latest grade', 'grade'),
  ['latestScore', '最近评估得分', 'Latest score'],
  ['referrals', '转介数', 'Referrals'],
  ['acceptedWithinDeadline', '按时接受数', 'Accepted within deadline'],
  ['deliveredWithinDeadline', '按时交付数', 'Delivered within deadline'],
  ['closedResolved', '已结案且解决', 'Closed resolved'],
  ['meanSatisfaction', '平均满意度', 'Mean satisfaction'],
);

const CASE_OUTCOME_COLUMNS = columns<CaseOutcomesRowDto>(
  ['key', '编号', 'Key'],
  ['name', '名称', 'Name'],
  ['caseload', '在管个案数', 'Caseload'],
  ['visitsDue', '应走访次数', 'Visits due'],
  ['visitsOnTime', '按时走访次数', 'Visits on time'],
  ['visitsOnTimeRate', '按时走访率', 'Visits on time rate'],
  ['plansAgreed', '已确认计划个案数', 'Cases with an agreed plan'],
  ['plansAgreedRate', '计划确认率', 'Plans agreed rate'],
  ['goals', '计划目标数', 'Goals'],
  ['goalsAchieved', '已达成目标数', 'Goals achieved'],
  ['goalsAchievedRate', '目标达成率', 'Goals achieved rate'],
  ['reassessments', '复评次数', 'Reassessments'],
  ['scoreImproved', '评分改善次数', 'Score improved'],
  ['scoreImprovedRate', '评分改善率', 'Score improved rate'],
  ['meanScoreChange', '总分平均变化', 'Mean score change'],
  ['tierImproved', '层级改善次数', 'Tier improved'],
  ['tierImprovedRate', '层级改善率', 'Tier improved rate'],
  ['needsFulfilled', '已满足需求数', 'Needs fulfilled'],
  ['left', '本期退出救助家庭数', 'Households that left'],
  ['leftBefore', '前12个月退出家庭数', 'Left in the 12 months before'],
  ['cameBack', '12个月内返贫家庭数', 'Came back within 12 months'],
  ['cameBackRate', '返贫率', 'Return rate'],
);

/** A report's rows then its total row, as a table. */
const rowsThenTotal =
  <Row>(columns: ReportColumn<Row>[]) =>
  (report: { rows: Row[]; total: Row }, ctx: CsvContext): ReportTable =>
    toTable(columns, [...report.rows, report.total], ctx);

export const COVERAGE_CSV: CsvLayout<CoverageReportDto> = {
  filename: 'coverage',
  table: rowsThenTotal(COVERAGE_COLUMNS),
};

/** One row per month and no total row: a sum of months would count a household many times. */
export const COVERAGE_MONTHLY_CSV: CsvLayout<CoverageMonthlyReportDto> = {
  filename: 'coverage-monthly',
  table: (report, ctx) => toTable(COVERAGE_MONTH_COLUMNS, report.rows, ctx),
};

export const UNMET_NEEDS_CSV: CsvLayout<UnmetNeedsReportDto> = {
  filename: 'unmet-needs',
  // One row per need has no total row: its columns describe a need, not a count.
  table: (report, ctx) =>
    report.view === 'needs'
      ? toTable(UNMET_NEED_COLUMNS, report.rows as UnmetNeedDto[], ctx)
      : toTable(UNMET_SUMMARY_COLUMNS, [...(report.rows as UnmetNeedsRowDto[]), report.total], ctx),
};

export const REFERRAL_SLA_CSV: CsvLayout<ReferralSlaReportDto> = {
  filename: 'referral-sla',
  table: rowsThenTotal(REFERRAL_SLA_COLUMNS),
};

export const STAFF_SLA_CSV: CsvLayout<StaffSlaReportDto> = {
  filename: 'staff-sla',
  table: rowsThenTotal(STAFF_SLA_COLUMNS),
};

export const RESOURCES_CSV: CsvLayout<ResourcesReportDto> = {
  filename: 'resources',
  table: rowsThenTotal(RESOURCE_COLUMNS),
};

export const CONTRACTS_CSV: CsvLayout<ContractsReportDto> = {
  filename: 'contracts',
  table: rowsThenTotal(CONTRACT_COLUMNS),
};

export const CASE_OUTCOMES_CSV: CsvLayout<CaseOutcomesReportDto> = {
  filename: 'case-outcomes',
  table: rowsThenTotal(CASE_OUTCOME_COLUMNS),
};
