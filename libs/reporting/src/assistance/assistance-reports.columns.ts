import {
  type CsvContext,
  type CsvLayout,
  labelCell,
  labelledListCell,
  type ReportColumn,
  toTable,
  yuanCell,
} from '../report-csv';
import type {
  AssistanceDuplicatesReportDto,
  AssistanceFiguresDto,
  AssistanceGroup,
  AssistanceMonthDto,
  AssistanceMonthlyReportDto,
  AssistanceReportDto,
  AssistanceRowDto,
  DuplicateBenefitDto,
  MissedAssistanceReportDto,
  MissedAssistanceRowDto,
} from './assistance-reports.dto';

/**
 * The ledger reports as files: Chinese headers (English for `Accept-Language: en`), amounts in
 * yuan (`…(元)` columns), codes by their dictionary labels — a bulletin is read by people, so
 * its group column is the label alone.
 */
const col = <Row>(
  key: keyof Row & string,
  zh: string,
  en: string,
  format?: ReportColumn<Row>['format'],
): ReportColumn<Row> => ({ key, header: { 'zh-CN': zh, en }, format });

const TOTAL = { 'zh-CN': '合计', en: 'Total' } as const;
const NO_TIER = { 'zh-CN': '未评定层级', en: 'No tier' } as const;

/** The dictionary group of each grouping's codes. */
const GROUP_DICTIONARY: Record<AssistanceGroup, string> = {
  source: 'assistanceSource',
  category: 'category',
  residency: 'residency',
  tier: 'tier',
  urbanRural: 'urbanRural',
};

const figureColumns = <Row extends AssistanceFiguresDto>(): ReportColumn<Row>[] => [
  col<Row>('householdTimes', '户次', 'Household-times'),
  col<Row>('amountFen', '金额(元)', 'Amount (yuan)', yuanCell),
  col<Row>('households', '户数', 'Households'),
];

export const ASSISTANCE_CSV: CsvLayout<AssistanceReportDto> = {
  filename: 'assistance',
  table: (report, ctx) => {
    const group = report.groupBy;
    const name = (key: unknown, c: CsvContext) =>
      key === 'total'
        ? TOTAL[c.locale]
        : key === '' && group === 'tier'
          ? NO_TIER[c.locale]
          : labelCell(GROUP_DICTIONARY[group])(key, c);
    const groupHeader = labelCell('assistanceGroup')(group, ctx);
    const header = { 'zh-CN': groupHeader, en: groupHeader };
    return toTable(
      [{ key: 'key', header, format: name }, ...figureColumns<AssistanceRowDto>()],
      [...report.rows, report.total],
      ctx,
    );
  },
};

export const ASSISTANCE_MONTHLY_CSV: CsvLayout<AssistanceMonthlyReportDto> = {
  filename: 'assistance-monthly',
  table: (report, ctx) =>
    toTable(
      [
        col<AssistanceMonthDto>('month', '月份', 'Month', (m, c) =>
          m === 'total' ? TOTAL[c.locale] : String(m),
        ),
        ...figureColumns<AssistanceMonthDto>(),
      ],
      [...report.rows, report.total],
      ctx,
    ),
};

const NEVER = { 'zh-CN': '从未', en: 'Never' } as const;

export const MISSED_ASSISTANCE_CSV: CsvLayout<MissedAssistanceReportDto> = {
  filename: 'missed-assistance',
  table: (report, ctx) => {
    const table = toTable(
      [
        col<MissedAssistanceRowDto>('householdId', '家庭编号', 'Household id'),
        col<MissedAssistanceRowDto>('communityName', '社区', 'Community'),
        col<MissedAssistanceRowDto>('tier', '救助层级', 'Tier', labelCell('tier')),
        col<MissedAssistanceRowDto>(
          'needCategories',
          '未满足需求类别',
          'Open needs',
          labelledListCell('category'),
        ),
        col<MissedAssistanceRowDto>('lastAssistedOn', '最近救助日期', 'Last assisted on'),
      ],
      report.rows,
      ctx,
    );
    // Never assisted reads as such, not as an empty cell.
    for (const row of table.rows) row[4] ||= NEVER[ctx.locale];
    return table;
  },
};

/** One pair as one row: the household, then each entry's columns. */
interface DuplicateRow {
  householdId: string;
  communityName: string;
  categoryCode: string;
  [side: `${'a' | 'b'}${string}`]: unknown;
}

const sideColumns = (side: 'a' | 'b', zh: string, en: string): ReportColumn<DuplicateRow>[] => [
  col(`${side}Source`, `${zh}来源`, `${en} source`, labelCell('assistanceSource')),
  col(`${side}GrantedBy`, `${zh}发放机构`, `${en} granted by`),
  col(`${side}Title`, `${zh}救助名称`, `${en} title`),
  col(`${side}Frequency`, `${zh}发放方式`, `${en} frequency`, labelCell('assistanceFrequency')),
  col(`${side}AmountFen`, `${zh}金额(元)`, `${en} amount (yuan)`, yuanCell),
  col(`${side}StartsOn`, `${zh}起始日期`, `${en} starts on`),
  col(`${side}EndsOn`, `${zh}截止日期`, `${en} ends on`),
];

const sideCells = (side: 'a' | 'b', x: DuplicateBenefitDto) => ({
  [`${side}Source`]: x.source,
  [`${side}GrantedBy`]: x.grantedBy,
  [`${side}Title`]: x.title,
  [`${side}Frequency`]: x.frequency,
  [`${side}AmountFen`]: x.amountFen,
  [`${side}StartsOn`]: x.startsOn,
  [`${side}EndsOn`]: x.endsOn,
});

export const ASSISTANCE_DUPLICATES_CSV: CsvLayout<AssistanceDuplicatesReportDto> = {
  filename: 'assistance-duplicates',
  table: (report, ctx) =>
    toTable<DuplicateRow>(
      [
        col('householdId', '家庭编号', 'Household id'),
        col('communityName', '社区', 'Community'),
        col('categoryCode', '类别', 'Category', labelCell('category')),
        ...sideColumns('a', '记录一', 'First'),
        ...sideColumns('b', '记录二', 'Second'),
      ],
      report.rows.map((p) => ({
        householdId: p.householdId,
        communityName: p.communityName,
        categoryCode: p.categoryCode,
        ...sideCells('a', p.first),
        ...sideCells('b', p.second),
      })),
      ctx,
    ),
};
