import { currentRun, tierSince } from './lookup-period.util';

describe(currentRun.name, () => {
  const today = '2026-12-02';

  it('answers nothing when no period covers today', () => {
    expect(
      currentRun(
        [
          { startsOn: '2026-01-01', endsOn: '2026-11-30' },
          { startsOn: '2026-12-03', endsOn: null },
        ],
        today,
      ),
    ).toBeNull();
  });

  it('answers a running benefit from its start, open-ended', () => {
    expect(currentRun([{ startsOn: '2026-10-03', endsOn: null }], today)).toEqual({
      since: '2026-10-03',
      until: null,
    });
  });

  it('joins renewals that follow without a gap into one run', () => {
    expect(
      currentRun(
        [
          { startsOn: '2026-07-01', endsOn: '2026-09-30' },
          { startsOn: '2026-01-01', endsOn: '2026-06-30' },
          { startsOn: '2026-10-01', endsOn: '2026-12-31' },
        ],
        today,
      ),
    ).toEqual({ since: '2026-01-01', until: '2026-12-31' });
  });

  it('starts the run after a gap of a day or more', () => {
    expect(
      currentRun(
        [
          { startsOn: '2025-01-01', endsOn: '2025-12-30' },
          { startsOn: '2026-01-01', endsOn: '2027-03-31' },
        ],
        today,
      ),
    ).toEqual({ since: '2026-01-01', until: '2027-03-31' });
  });

  it('keeps the later end when an overlapping period ends earlier', () => {
    expect(
      currentRun(
        [
          { startsOn: '2026-11-01', endsOn: '2027-01-31' },
          { startsOn: '2026-11-15', endsOn: '2026-12-02' },
        ],
        today,
      ),
    ).toEqual({ since: '2026-11-01', until: '2027-01-31' });
  });

  it('counts a one-off dated today, and not one dated yesterday', () => {
    expect(currentRun([{ startsOn: today, endsOn: today }], today)).toEqual({
      since: today,
      until: today,
    });
    expect(currentRun([{ startsOn: '2026-12-01', endsOn: '2026-12-01' }], today)).toBeNull();
  });
});

describe(tierSince.name, () => {
  it('is the earliest of the latest assessments that all gave the tier', () => {
    expect(
      tierSince(
        [
          { tier: 'subsistence', completedOn: '2026-11-01' },
          { tier: 'subsistence', completedOn: '2026-05-01' },
          { tier: 'low_income', completedOn: '2025-11-01' },
          { tier: 'subsistence', completedOn: '2025-05-01' },
        ],
        'subsistence',
      ),
    ).toBe('2026-05-01');
  });

  it('is null when the latest assessment gave another tier, or there is none', () => {
    expect(tierSince([{ tier: 'low_income', completedOn: '2026-11-01' }], 'subsistence')).toBe(
      null,
    );
    expect(tierSince([], 'subsistence')).toBeNull();
  });
});
