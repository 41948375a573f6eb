import { parse } from 'csv-parse/sync';
import { countsCell, toCsv } from './report-csv';

describe(toCsv.name, () => {
  const rows = [
    { key: 'a', name: '和平区, "一街"', n: 3, rate: 0.6667, reasons: { X: 2, Y: 1 } },
    { key: 'total', name: '合计', n: 0, rate: null, reasons: {} },
  ];
  const csv = toCsv(
    [
      { key: 'key' },
      { key: 'name' },
      { key: 'n' },
      { key: 'rate' },
      { key: 'reasons', format: countsCell },
    ],
    rows,
  );

  it('starts with a byte-order mark and a header row, lines ending CRLF', () => {
    expect(csv.startsWith('\uFEFFkey,name,n,rate,reasons\r\n')).toBe(true);
  });

  it('keeps a formula from running in a spreadsheet', () => {
    const out = toCsv([{ key: 'name' }], [{ name: '=HYPERLINK("http://x")' }]);
    expect(parse(out, { bom: true, columns: true })).toEqual([{ name: `'=HYPERLINK("http://x")` }]);
  });

  it('parses back to the same cells, quotes and Chinese included; null is empty', () => {
    const parsed = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed).toEqual([
      { key: 'a', name: '和平区, "一街"', n: '3', rate: '0.6667', reasons: 'X=2;Y=1' },
      { key: 'total', name: '合计', n: '0', rate: '', reasons: '' },
    ]);
  });
});
