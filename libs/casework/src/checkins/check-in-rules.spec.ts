import { type CheckInFacts, checkInConsequences } from './check-in-rules';

const calm: CheckInFacts = {
  incomeChange: 'unchanged',
  newMonthlyIncomeFen: null,
  previousMonthlyIncomeFen: 300_000,
  newSeriousIllness: false,
  newDisability: false,
  hospitalStay: false,
  memberChanges: [],
  lostHousing: false,
  housingDamage: false,
  rentArrears: false,
  newDifficulties: [],
};

describe('checkInConsequences', () => {
  it('finds nothing when nothing changed', () => {
    expect(checkInConsequences(calm)).toEqual({ needs: [], reassessmentReasons: [] });
  });

  it('opens an employment need for a lost job and asks for a reassessment', () => {
    expect(checkInConsequences({ ...calm, incomeChange: 'lost_job' })).toEqual({
      needs: [{ categoryCode: 'employment', severity: 3, urgency: 'urgent' }],
      reassessmentReasons: ['income_changed'],
    });
  });

  it('opens a medical need for a new illness and a housing emergency for lost housing', () => {
    const { needs } = checkInConsequences({ ...calm, newSeriousIllness: true, lostHousing: true });
    expect(needs).toEqual([
      { categoryCode: 'medical', severity: 4, urgency: 'urgent' },
      { categoryCode: 'housing', severity: 5, urgency: 'emergency' },
    ]);
  });

  it('keeps one need per category, the gravest severity and urgency winning', () => {
    const { needs } = checkInConsequences({
      ...calm,
      rentArrears: true,
      lostHousing: true,
      housingDamage: true,
      hospitalStay: true,
      newSeriousIllness: true,
      newDifficulties: ['housing', 'legal_aid'],
    });
    expect(needs).toEqual([
      { categoryCode: 'medical', severity: 4, urgency: 'urgent' },
      { categoryCode: 'housing', severity: 5, urgency: 'emergency' },
      { categoryCode: 'legal_aid', severity: 3, urgency: 'normal' },
    ]);
  });

  it('asks for a reassessment when the income moved by 20 % or more, not less', () => {
    const fell = (fen: number) =>
      checkInConsequences({ ...calm, incomeChange: 'fell', newMonthlyIncomeFen: fen })
        .reassessmentReasons;
    expect(fell(240_000)).toEqual(['income_changed']);
    expect(fell(240_001)).toEqual([]);
    const rose = checkInConsequences({
      ...calm,
      incomeChange: 'rose',
      newMonthlyIncomeFen: 360_000,
    });
    expect(rose.reassessmentReasons).toEqual(['income_changed']);
    // A fall without the new sum cannot be weighed.
    expect(checkInConsequences({ ...calm, incomeChange: 'fell' }).reassessmentReasons).toEqual([]);
  });

  it('weighs a small income by at least ¥200', () => {
    const small = { ...calm, previousMonthlyIncomeFen: 50_000, incomeChange: 'rose' as const };
    expect(
      checkInConsequences({ ...small, newMonthlyIncomeFen: 69_999 }).reassessmentReasons,
    ).toEqual([]);
    expect(
      checkInConsequences({ ...small, newMonthlyIncomeFen: 70_000 }).reassessmentReasons,
    ).toEqual(['income_changed']);
  });

  it('asks for a reassessment when members changed or a disability is new', () => {
    expect(
      checkInConsequences({ ...calm, memberChanges: ['birth'], newDisability: true })
        .reassessmentReasons,
    ).toEqual(['members_changed', 'new_disability']);
  });
});
