import { householdFlagChange, provisionalStanding } from './emergency-flag.util';

describe(provisionalStanding.name, () => {
  it('puts an unassessed or lower-tier household in the emergency tier, circle 3', () => {
    expect(provisionalStanding({ tier: null, circle: null })).toEqual({
      tier: 'emergency',
      circle: 3,
    });
    expect(provisionalStanding({ tier: 'low_income', circle: 2 })).toEqual({
      tier: 'emergency',
      circle: 2,
    });
    expect(provisionalStanding({ tier: null, circle: 4 })).toEqual({
      tier: 'emergency',
      circle: 3,
    });
  });

  it('keeps a core tier, which wins over a sudden event', () => {
    expect(provisionalStanding({ tier: 'subsistence', circle: 1 })).toEqual({
      tier: 'subsistence',
      circle: 1,
    });
    expect(provisionalStanding({ tier: 'extreme_poverty', circle: 1 })).toEqual({
      tier: 'extreme_poverty',
      circle: 1,
    });
  });
});

describe(householdFlagChange.name, () => {
  const due = new Date('2026-12-17T00:00:00Z');

  it('tags once, moves the revisit up and reopens an exited household', () => {
    expect(
      householdFlagChange({ tags: ['elderly_alone'], status: 'exited', nextRevisitAt: null }, due),
    ).toEqual({
      tags: ['elderly_alone', 'emergency'],
      nextRevisitAt: due,
      status: 'active',
      graceEndsAt: null,
    });
    expect(
      householdFlagChange(
        { tags: ['emergency'], status: 'exiting', nextRevisitAt: new Date('2026-12-10T00:00:00Z') },
        due,
      ),
    ).toEqual({});
  });
});
