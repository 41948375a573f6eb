import { DictionariesService } from './dictionaries.service';

const tier = { subsistence: { 'zh-CN': '低保', en: 'Minimum living allowance' } };

describe(DictionariesService.name, () => {
  it('merges static and run-time sources into one answer', async () => {
    const sut = new DictionariesService([
      { groups: () => ({ tier }) },
      { groups: async () => ({ category: { medical: { 'zh-CN': '医疗', en: 'Medical' } } }) },
    ]);
    const answer = await sut.dictionaries();
    expect(Object.keys(answer.groups)).toEqual(['tier', 'category']);
    expect(answer.groups.category.medical.en).toBe('Medical');
  });

  it('changes its version when a label changes, and only then', async () => {
    const version = async (label: string) =>
      (
        await new DictionariesService([
          { groups: () => ({ tier: { subsistence: { 'zh-CN': label, en: 'x' } } }) },
        ]).dictionaries()
      ).version;
    expect(await version('低保')).toBe(await version('低保'));
    expect(await version('低保')).not.toBe(await version('低保户'));
  });

  it('refuses a group given by two sources (a wiring mistake, not a merge)', async () => {
    const sut = new DictionariesService([
      { groups: () => ({ tier }) },
      { groups: () => ({ tier }) },
    ]);
    await expect(sut.dictionaries()).rejects.toThrow(
      'Dictionary group "tier" is given by two sources',
    );
  });
});
