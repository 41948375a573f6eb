import { labelOf, labels } from './labels';

describe(labels.name, () => {
  it('turns [zh, en] pairs into labels keyed by locale', () => {
    const sut = labels<'a' | 'b'>({ a: ['甲', 'A'], b: ['乙', 'B'] });
    expect(sut).toEqual({ a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' } });
  });

  it('refuses to compile when a code of the union has no label', () => {
    // @ts-expect-error 'b' is missing: the build fails, which is the point of the type.
    const sut = labels<'a' | 'b'>({ a: ['甲', 'A'] });
    expect(Object.keys(sut)).toEqual(['a']);
  });
});

describe(labelOf.name, () => {
  const table = labels<'subsistence'>({ subsistence: ['低保', 'Minimum living allowance'] });

  it('reads a code in Chinese unless English is asked for', () => {
    expect(labelOf(table, 'subsistence')).toBe('低保');
    expect(labelOf(table, 'subsistence', 'en')).toBe('Minimum living allowance');
  });

  it('shows an unknown code as itself rather than nothing', () => {
    expect(labelOf(table, 'other_code')).toBe('other_code');
    expect(labelOf(table, 'toString')).toBe('toString');
  });
});
