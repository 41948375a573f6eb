import { DomainError } from '@onedoor/platform';
import { assertCriteriaValid } from './project-rules';

const valid = [
  { code: 'price', name: '价格', weight: 30 },
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
];

function errorOf(criteria: typeof valid): DomainError {
  try {
    assertCriteriaValid(criteria);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected the criteria to be refused');
}

describe(assertCriteriaValid.name, () => {
  it('accepts the required criteria weighing 100, and extra ones', () => {
    expect(() => assertCriteriaValid(valid)).not.toThrow();
    expect(() =>
      assertCriteriaValid([
        ...valid.slice(0, 4),
        { code: 'service_proposal', name: '服务方案', weight: 20 },
        { code: 'local_experience', name: '本地经验', weight: 5 },
      ]),
    ).not.toThrow();
  });

  it('names the sum when the weights do not add up to 100', () => {
    const e = errorOf([...valid.slice(0, 4), { ...valid[4], weight: 20 }]);
    expect(e.code).toBe('CRITERIA_INVALID');
    expect(e.message).toContain('weights sum to 95, not 100');
    expect(e.details).toMatchObject({ sum: 95 });
  });

  it('refuses a missing required criterion and a duplicate code', () => {
    const e = errorOf([
      { ...valid[0], weight: 50 },
      valid[1],
      valid[2],
      { ...valid[2], weight: 20 },
    ]);
    expect(e.details).toEqual({
      sum: 100,
      missing: ['human_resources', 'service_proposal'],
      duplicates: ['internal_governance'],
    });
  });
});
