import type { AssessmentEntity } from '../assessment.entity';
import type { HouseholdEntity } from '../household.entity';
import { addMonths, type AssessmentOutcome, householdAfterAssessment } from './gradual-exit.util';

const NOW = new Date('2026-03-15T02:00:00.000Z');
const GRACE = { standard: 6, employment: 12 };

const household = (over: Partial<HouseholdEntity> = {}) =>
  ({ status: 'active', tier: 'subsistence', circle: 1, ...over }) as HouseholdEntity;
const previous = (employed: number) =>
  ({ id: 'a0', factsSnapshot: { employed } }) as unknown as AssessmentEntity;
const outcome = (over: Partial<AssessmentOutcome> = {}): AssessmentOutcome => ({
  household: household(),
  tier: null,
  circle: null,
  previous: previous(0),
  employed: 0,
  now: NOW,
  graceMonths: GRACE,
  ...over,
});

describe(householdAfterAssessment.name, () => {
  it('starts a grace period for an assisted household now above every threshold', () => {
    expect(householdAfterAssessment(outcome())).toEqual({
      status: 'exiting',
      tier: 'subsistence',
      circle: 1,
      graceEndsAt: addMonths(NOW, GRACE.standard),
      lastAssessedAt: NOW,
      nextRevisitAt: addMonths(NOW, 3),
    });
  });

  it('gives the longer grace when a member found work since the last assessment', () => {
    const change = householdAfterAssessment(outcome({ previous: previous(0), employed: 1 }));
    expect(change.graceEndsAt).toEqual(addMonths(NOW, GRACE.employment));
  });

  it('keeps the tier being left while the grace runs', () => {
    const h = household({ status: 'exiting', tier: 'low_income', circle: 2 });
    expect(householdAfterAssessment(outcome({ household: h }))).toMatchObject({
      tier: 'low_income',
      circle: 2,
      nextRevisitAt: addMonths(NOW, 6),
    });
    expect(householdAfterAssessment(outcome({ household: h })).status).toBeUndefined();
  });

  it.each(['exiting', 'exited'] as const)('returns an %s household in need to active', (status) => {
    const h = household({ status, graceEndsAt: addMonths(NOW, 1) });
    expect(
      householdAfterAssessment(outcome({ household: h, tier: 'emergency', circle: 1 })),
    ).toMatchObject({
      status: 'active',
      graceEndsAt: null,
      tier: 'emergency',
      nextRevisitAt: addMonths(NOW, 1),
    });
  });

  it('leaves a first assessment that finds no need without a grace period', () => {
    const h = household({ tier: null, circle: null });
    expect(householdAfterAssessment(outcome({ household: h, previous: null }))).toEqual({
      tier: null,
      circle: null,
      lastAssessedAt: NOW,
      nextRevisitAt: addMonths(NOW, 12),
    });
  });
});
