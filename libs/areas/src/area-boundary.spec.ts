import { boundaryProblems, MAX_BOUNDARY_POSITIONS } from './area-boundary';

const square = [
  [116.3, 39.9],
  [116.4, 39.9],
  [116.4, 40],
  [116.3, 40],
  [116.3, 39.9],
];
const problems = (value: unknown) =>
  boundaryProblems(value).map((p) => [p.field, p.params?.problem]);

describe(boundaryProblems.name, () => {
  it('accepts a closed Polygon and a MultiPolygon, holes included', () => {
    expect(boundaryProblems({ type: 'Polygon', coordinates: [square] })).toEqual([]);
    expect(
      boundaryProblems({ type: 'MultiPolygon', coordinates: [[square], [square, square]] }),
    ).toEqual([]);
  });

  it('names the type when it is not a polygon', () => {
    expect(problems({ type: 'Point', coordinates: [116, 39] })).toEqual([
      ['boundary.type', 'type'],
    ]);
    expect(problems('POLYGON((0 0))')).toEqual([['boundary', 'type']]);
    expect(problems({ type: 'Polygon', coordinates: [square], crs: 'x' })).toEqual([
      ['boundary.crs', 'shape'],
    ]);
  });

  it('points at the ring that is open or too short and the position that is wrong', () => {
    const open = square.slice(0, 4).concat([[116.31, 39.9]]);
    expect(problems({ type: 'Polygon', coordinates: [square, open] })).toEqual([
      ['boundary.coordinates[1]', 'ringOpen'],
    ]);
    expect(
      problems({ type: 'MultiPolygon', coordinates: [[square], [square.slice(0, 3)]] }),
    ).toEqual([['boundary.coordinates[1][0]', 'ringShort']]);
    const wrong = square.map((p) => [...p]);
    wrong[2] = [200, 39.95];
    wrong[3] = [116.3, -91];
    expect(problems({ type: 'Polygon', coordinates: [wrong] })).toEqual([
      ['boundary.coordinates[0][2][0]', 'longitude'],
      ['boundary.coordinates[0][3][1]', 'latitude'],
    ]);
    wrong[1] = ['116.4', '39.9'] as unknown as number[];
    expect(problems({ type: 'Polygon', coordinates: [wrong] })[0]).toEqual([
      'boundary.coordinates[0][1]',
      'position',
    ]);
    expect(problems({ type: 'Polygon', coordinates: [] })).toEqual([
      ['boundary.coordinates', 'shape'],
    ]);
  });

  it('refuses more positions than the limit, and answers at most 20 problems', () => {
    const ring = Array.from({ length: MAX_BOUNDARY_POSITIONS }, (_, i) => [
      116 + i / 1e5,
      39 + (i % 2) / 100,
    ]);
    ring.push(ring[0]);
    const big = boundaryProblems({ type: 'Polygon', coordinates: [ring] });
    expect(big).toEqual([
      expect.objectContaining({
        field: 'boundary.coordinates',
        params: { problem: 'tooLarge', max: MAX_BOUNDARY_POSITIONS },
      }),
    ]);
    const bad = Array.from({ length: 50 }, () => [999, 0]);
    bad.push(bad[0]);
    expect(boundaryProblems({ type: 'Polygon', coordinates: [bad] })).toHaveLength(20);
  });
});
