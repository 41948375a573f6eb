import { canMoveLead, leadReference, maskName } from './lead-lifecycle';

describe(canMoveLead.name, () => {
  it('lets a reported lead be triaged, linked, registered or closed', () => {
    for (const to of ['triaged', 'linked', 'registered', 'closed'] as const)
      expect(canMoveLead('reported', to)).toBe(true);
  });

  it('keeps linked, registered and closed leads final', () => {
    for (const from of ['linked', 'registered', 'closed'] as const)
      for (const to of ['reported', 'triaged', 'linked', 'registered', 'closed'] as const)
        expect(canMoveLead(from, to)).toBe(false);
  });

  it('does not triage twice', () => {
    expect(canMoveLead('triaged', 'triaged')).toBe(false);
  });
});

describe(maskName.name, () => {
  it('keeps the first character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('王*');
  });
});

describe(leadReference.name, () => {
  it('is the Beijing date and six readable characters', () => {
    const ref = leadReference('2026-12-02', Buffer.from([0, 1, 2, 3, 4, 31, 99]));
    expect(ref).toBe('XS20261202-ABCDE9');
    expect(ref).toMatch(/^XS\d{8}-[A-HJ-NP-Z2-9]{6}$/);
  });
});
