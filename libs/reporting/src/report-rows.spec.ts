import { fen } from './report-rows';

describe(fen.name, () => {
  it('reads bigint and numeric text as whole numbers of fen', () => {
    expect(fen('800000')).toBe(800_000);
    expect(fen('0')).toBe(0);
    expect(fen(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['9007199254740993', '12.5', 'x'])('refuses %s rather than round it', (text) => {
    expect(() => fen(text)).toThrow(RangeError);
  });
});
