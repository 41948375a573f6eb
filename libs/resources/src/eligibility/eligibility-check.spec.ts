import { checkEligibility } from './eligibility-check';

describe(checkEligibility.name, () => {
  it('words a valid document and reports no errors', () => {
    expect(
      checkEligibility(
        { all: [{ tier: { in: ['subsistence'] } }, { any: [{ memberAge: { min: 60 } }] }] },
        'zh-CN',
      ),
    ).toEqual({
      valid: true,
      description: '家庭类别为低保；（满足其一：有成员年龄≥60岁）',
      errors: [],
    });
  });

  it('reads no document as no conditions', () => {
    expect(checkEligibility(null, 'zh-CN')).toEqual({
      valid: true,
      description: '无资格限制',
      errors: [],
    });
  });

  it('names each bad node by its path, in Chinese with the problem filled in', () => {
    const result = checkEligibility(
      { all: [{ memberAge: { min: 70, max: 60 } }, { any: [] }, { householdSize: { max: 99 } }] },
      'zh-CN',
    );
    expect(result.valid).toBe(false);
    expect(result.description).toBe('');
    expect(result.errors.map((e) => [e.field, e.params?.problem, e.message])).toEqual([
      ['eligibility.all[0].memberAge', 'minOverMax', '最小值不能大于最大值'],
      ['eligibility.all[1].any', 'emptyGroup', '条件组中至少需要一个条件'],
      ['eligibility.all[2].householdSize.max', 'outOfRange', '应为 1 至 50 之间的数值'],
    ]);
  });

  it('keeps the validator’s English words for English', () => {
    const [error] = checkEligibility({ memberAge: { min: 70, max: 60 } }, 'en').errors;
    expect(error.message).toBe('min must not exceed max');
  });
});
