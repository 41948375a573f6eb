import { isWithinReach, resourceFieldErrors } from './resource-rules';

describe(isWithinReach.name, () => {
  const home = '/city/district1/';
  it.each([
    ['charity', '/city/district1/street/', true],
    ['charity', '/city/district1/', true],
    ['charity', '/city/district2/', false],
    ['charity', '/city/', false],
    ['social_work_org', '/city/district2/street/', false],
    ['government', '/city/district2/street/', true],
    ['government', '/city/', true],
    ['government', '/othercity/', false],
  ])('%s covering %s: %s', (kind, coverage, expected) => {
    expect(isWithinReach(kind, home, coverage)).toBe(expected);
  });
});

describe(resourceFieldErrors.name, () => {
  it('needs a value per unit for cash and in-kind, not for services', () => {
    expect(
      resourceFieldErrors({
        serviceLevel: 'district',
        form: 'cash',
        valuePerUnitFen: undefined,
        validFrom: '2026-01-01',
        validUntil: null,
      }),
    ).toEqual([
      {
        field: 'valuePerUnitFen',
        constraint: 'valueRequired',
        message: 'is required for cash and in-kind resources',
      },
    ]);
    expect(
      resourceFieldErrors({
        serviceLevel: 'district',
        form: 'service',
        valuePerUnitFen: null,
        validFrom: '2026-01-01',
        validUntil: null,
      }),
    ).toEqual([]);
  });

  it('keeps a service level to areas it can serve', () => {
    const base = {
      form: 'service',
      valuePerUnitFen: null,
      validFrom: '2026-01-01',
      validUntil: null,
    };
    expect(
      resourceFieldErrors({ ...base, serviceLevel: 'community', coverageLevel: 'district' }).map(
        (e) => e.field,
      ),
    ).toEqual(['coverageAreaId']);
    expect(
      resourceFieldErrors({ ...base, serviceLevel: 'street', coverageLevel: 'community' }),
    ).toEqual([]);
    expect(
      resourceFieldErrors({ ...base, serviceLevel: 'district', coverageLevel: 'city' }),
    ).toEqual([]);
  });

  it('refuses a validity window that ends before it starts', () => {
    expect(
      resourceFieldErrors({
        serviceLevel: 'district',
        form: 'service',
        valuePerUnitFen: null,
        validFrom: '2026-06-01',
        validUntil: '2026-05-31',
      }).map((e) => e.field),
    ).toEqual(['validUntil']);
  });
});
