import {
  ATTAINABILITY_PIECES,
  attainabilityColour,
  mapRegions,
  NO_DATA_COLOUR,
  ratePercent,
} from './map';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

describe(attainabilityColour.name, () => {
  it('gives each rate its band’s colour, the band’s lower edge included', () => {
    const [red, orange, yellow, light, green] = ATTAINABILITY_PIECES.map((p) => p.color);
    expect(attainabilityColour(0)).toBe(red);
    expect(attainabilityColour(0.1999)).toBe(orange); // shown as 20.0%: the 20–40 band
    expect(attainabilityColour(0.1994)).toBe(red);
    expect(attainabilityColour(0.4)).toBe(yellow);
    expect(attainabilityColour(0.5999)).toBe(light);
    expect(attainabilityColour(0.8)).toBe(green);
    expect(attainabilityColour(1)).toBe(green);
    expect(attainabilityColour(null)).toBe(NO_DATA_COLOUR);
  });

  it('uses the value the map draws: percent with one decimal', () => {
    expect(ratePercent(0.3333)).toBe(33.3);
    expect(ratePercent(null)).toBeNull();
  });
});

describe(mapRegions.name, () => {
  it('draws the areas with a boundary, named by id, and lists the others', () => {
    const rows = [
      { key: 'a', name: '新华街道', accessibilityRate: 1, attainabilityRate: 0.5 },
      { key: 'b', name: '长安街道', accessibilityRate: null, attainabilityRate: null },
    ];
    const { geoJson, drawn, undrawn } = mapRegions(rows, [
      { id: 'a', name: '新华街道', boundary: square },
      { id: 'b', name: '长安街道', boundary: null },
    ]);
    expect(geoJson.features).toEqual([
      { type: 'Feature', properties: { name: 'a' }, geometry: square },
    ]);
    expect(drawn).toEqual([
      {
        id: 'a',
        name: '新华街道',
        accessibilityRate: 1,
        attainabilityRate: 0.5,
        value: 50,
        colour: ATTAINABILITY_PIECES[2].color,
      },
    ]);
    expect(undrawn.map((r) => [r.id, r.colour])).toEqual([['b', NO_DATA_COLOUR]]);
  });
});
