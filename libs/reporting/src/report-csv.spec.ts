import { parse } from 'csv-parse/sync';
import {
  beijingTimeCell,
  countsCell,
  type CsvContext,
  labelCell,
  labelledCountsCell,
  toCsv,
  yuanCell,
} from './report-csv';

const zh: CsvContext = {
  locale: 'zh-CN',
  labels: { unmetReason: { X: { 'zh-CN': '原因甲', en: 'Reason X' } } },
};
const en: CsvContext = { ...zh, locale: 'en' };
const h = (zhHeader: string, enHeader: string) => ({ 'zh-CN': zhHeader, en: enHeader });

describe(toCsv.name, () => {
  type Row = {
    key: string;
    name: string;
    n: number;
    rate: number | null;
    reasons: Record<string, number>;
    paidFen: number;
    at: string | null;
  };
  const rows: Row[] = [
    {
      key: 'a',
      name: '和平区, "一街"',
      n: 3,
      rate: 0.6667,
      reasons: { X: 2, Y: 1 },
      paidFen: 123450,
      at: '2026-12-01T16:05:00.000Z',
    },
    { key: 'total', name: '合计', n: 0, rate: null, reasons: {}, paidFen: -5, at: null },
  ];
  const columns = [
    { key: 'key' as const, header: h('编号', 'Key') },
    { key: 'name' as const, header: h('名称', 'Name') },
    { key: 'n' as const, header: h('数量', 'N') },
    { key: 'rate' as const, header: h('比率', 'Rate') },
    { key: 'reasons' as const, header: h('原因代码', 'Reason codes'), format: countsCell },
    {
      key: 'reasons' as const,
      header: h('原因', 'Reasons'),
      format: labelledCountsCell('unmetReason'),
    },
    { key: 'paidFen' as const, header: h('已支付(元)', 'Paid (yuan)'), format: yuanCell },
    { key: 'at' as const, header: h('时间', 'Time'), format: beijingTimeCell },
  ];
  const csv = toCsv(columns, rows, zh);

  it('starts with a byte-order mark and a Chinese header row, lines ending CRLF', () => {
    expect(csv.startsWith('\uFEFF编号,名称,数量,比率,原因代码,原因,已支付(元),时间\r\n')).toBe(
      true,
    );
  });

  it('writes English headers for an English reader, the same cells otherwise but labels', () => {
    const out = toCsv(columns, rows, en);
    expect(out.startsWith('\uFEFFKey,Name,N,Rate,Reason codes,Reasons,Paid (yuan),Time\r\n')).toBe(
      true,
    );
    expect(out).toContain('Reason X=2;Y=1');
  });

  it('keeps a formula from running in a spreadsheet', () => {
    const out = toCsv(
      [{ key: 'name', header: h('名称', 'Name') }],
      [{ name: '=HYPERLINK("http://x")' }],
    );
    expect(parse(out, { bom: true, columns: true })).toEqual([{ 名称: `'=HYPERLINK("http://x")` }]);
  });

  it('parses back: quotes and Chinese kept, yuan with two decimals, Beijing time, null empty', () => {
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed.slice(1)).toEqual([
      [
        'a',
        '和平区, "一街"',
        '3',
        '0.6667',
        'X=2;Y=1',
        '原因甲=2;Y=1',
        '1234.50',
        '2026-12-02 00:05',
      ],
      ['total', '合计', '0', '', '', '', "'-0.05", ''],
    ]);
  });
});

describe(labelCell.name, () => {
  it('reads a code by its label, and an unknown code as itself', () => {
    expect(labelCell('unmetReason')('X', zh)).toBe('原因甲');
    expect(labelCell('unmetReason')('X', en)).toBe('Reason X');
    expect(labelCell('unmetReason')('Z', zh)).toBe('Z');
    expect(labelCell('nothing')('X', zh)).toBe('X');
  });
});
