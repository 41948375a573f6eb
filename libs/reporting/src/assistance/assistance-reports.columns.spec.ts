import type { CsvContext } from '../report-csv';
import { ASSISTANCE_CSV, MISSED_ASSISTANCE_CSV } from './assistance-reports.columns';
import type { AssistanceReportDto, MissedAssistanceReportDto } from './assistance-reports.dto';

const labels: CsvContext['labels'] = {
  assistanceGroup: { tier: { 'zh-CN': '救助层级', en: 'Tier' } },
  tier: { subsistence: { 'zh-CN': '低保', en: 'Minimum living allowance' } },
  category: { medical: { 'zh-CN': '医疗救助', en: 'Medical care' } },
};
const zh: CsvContext = { locale: 'zh-CN', labels };
const en: CsvContext = { locale: 'en', labels };

describe('ASSISTANCE_CSV', () => {
  const report: AssistanceReportDto = {
    area: { id: null, name: '全部地区' },
    period: { from: '2026-09', to: '2026-11' },
    asOf: '2026-12-15T04:00:00.000Z',
    groupBy: 'tier',
    rows: [
      { key: 'subsistence', householdTimes: 4, amountFen: 330_050, households: 1 },
      { key: '', householdTimes: 1, amountFen: 80_000, households: 1 },
    ],
    total: { key: 'total', householdTimes: 5, amountFen: 410_050, households: 2 },
  };

  it('heads the group column with the grouping and writes each group by its label, yuan', () => {
    expect(ASSISTANCE_CSV.table(report, zh)).toEqual({
      header: ['救助层级', '户次', '金额(元)', '户数'],
      rows: [
        ['低保', '4', '3300.50', '1'],
        ['未评定层级', '1', '800.00', '1'],
        ['合计', '5', '4100.50', '2'],
      ],
    });
  });

  it('in English for an English reader', () => {
    const table = ASSISTANCE_CSV.table(report, en);
    expect(table.header).toEqual(['Tier', 'Household-times', 'Amount (yuan)', 'Households']);
    expect(table.rows.map((r) => r[0])).toEqual(['Minimum living allowance', 'No tier', 'Total']);
  });
});

describe('MISSED_ASSISTANCE_CSV', () => {
  it('writes a household never assisted as such, and its needs by their labels', () => {
    const report: MissedAssistanceReportDto = {
      area: { id: null, name: '全部地区' },
      months: 3,
      since: '2026-09-15',
      asOf: '2026-12-15T04:00:00.000Z',
      count: 1,
      rows: [
        {
          householdId: 'h1',
          communityId: 'c1',
          communityName: '光明社区',
          tier: 'subsistence',
          needCategories: ['medical', 'care'],
          lastAssistedOn: null,
        },
      ],
    };
    expect(MISSED_ASSISTANCE_CSV.table(report, zh).rows).toEqual([
      ['h1', '光明社区', '低保', '医疗救助;care', '从未'],
    ]);
    expect(MISSED_ASSISTANCE_CSV.table(report, en).rows[0][4]).toBe('Never');
  });
});
