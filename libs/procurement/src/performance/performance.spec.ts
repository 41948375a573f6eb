import { DEFAULT_DIMENSION_WEIGHTS } from '../procurement.types';
import { evaluationScore, gradeOf } from './performance';

describe('performance evaluation arithmetic', () => {
  it('grades at 90, 80 and 60', () => {
    expect([95, 90, 89.99, 80, 79.99, 60, 59.99, 0].map(gradeOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
  });

  it('weights each evaluator’s dimensions, then averages the evaluators', () => {
    const r = evaluationScore(DEFAULT_DIMENSION_WEIGHTS, [
      // 90×.2 + 80×.4 + 70×.2 + 60×.2 = 18 + 32 + 14 + 12 = 76
      {
        administrativeSupervision: 90,
        serviceOutcomes: 80,
        projectManagement: 70,
        socialImpact: 60,
      },
      // 100×.2 + 90×.4 + 80×.2 + 90×.2 = 20 + 36 + 16 + 18 = 90
      {
        administrativeSupervision: 100,
        serviceOutcomes: 90,
        projectManagement: 80,
        socialImpact: 90,
      },
      // 50×.2 + 60×.4 + 70×.2 + 40×.2 = 10 + 24 + 14 + 8 = 56
      {
        administrativeSupervision: 50,
        serviceOutcomes: 60,
        projectManagement: 70,
        socialImpact: 40,
      },
    ]);
    expect(r.totals).toEqual([76, 90, 56]);
    // (76 + 90 + 56) / 3 = 74
    expect(r.finalScore).toBe(74);
    expect(r.grade).toBe('pass');
    expect(r.dimensionMeans.serviceOutcomes).toBe(76.67);
  });

  it('honours per-project weights', () => {
    const r = evaluationScore(
      {
        administrativeSupervision: 10,
        serviceOutcomes: 70,
        projectManagement: 10,
        socialImpact: 10,
      },
      [
        {
          administrativeSupervision: 100,
          serviceOutcomes: 50,
          projectManagement: 100,
          socialImpact: 100,
        },
      ],
    );
    expect(r.finalScore).toBe(65);
  });
});
