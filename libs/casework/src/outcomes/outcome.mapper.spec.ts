import { dimensionChanges } from './outcome.mapper';

describe(dimensionChanges.name, () => {
  it("lists the dimensions in the template's order, then any other, with after − before", () => {
    expect(
      dimensionChanges(
        { health: 50, economic: 80, legacy: 10 },
        { economic: 50, health: 62.4, housing: 20 },
      ),
    ).toEqual([
      { dimension: 'economic', before: 80, after: 50, change: -30 },
      { dimension: 'health', before: 50, after: 62.4, change: 12.4 },
      { dimension: 'housing', before: null, after: 20, change: null },
      { dimension: 'legacy', before: 10, after: null, change: null },
    ]);
  });

  it('answers no dimensions when neither assessment was scored', () => {
    expect(dimensionChanges(null, null)).toEqual([]);
  });
});
