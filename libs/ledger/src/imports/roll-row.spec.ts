import { parseRollDate, parseYuan } from './roll-row';

describe(parseRollDate.name, () => {
  it.each([
    ['2026-10-03', '2026-10-03'],
    ['2026/10/3', '2026-10-03'],
    ['2026.1.5', '2026-01-05'],
    ['2026年10月3日', '2026-10-03'],
    [' 2026 年 1 月 9 日 ', '2026-01-09'],
  ])('reads %s as %s', (text, iso) => expect(parseRollDate(text)).toBe(iso));

  it.each(['2026-13-01', '2026-02-30', '03/10/2026', '20261003', '46298', ''])(
    'refuses %s',
    (text) => expect(parseRollDate(text)).toBeNull(),
  );
});

describe(parseYuan.name, () => {
  it.each([
    ['0', 0],
    ['850', 85_000],
    ['1234.5', 123_450],
    ['0.07', 7],
    ['1,200.00', 120_000],
    ['¥300元', 30_000],
  ])('reads %s yuan as %d fen, without floating point', (text, fen) =>
    expect(parseYuan(text)).toBe(fen),
  );

  it.each(['-5', '1.234', 'abc', '1,20', '12,345,6', '1e3', '999999999999'])('refuses %s', (text) =>
    expect(parseYuan(text)).toBeNull(),
  );
});
