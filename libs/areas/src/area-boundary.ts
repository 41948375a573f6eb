import type { FieldError } from '@onedoor/platform';

/** An area's outline: a GeoJSON Polygon or MultiPolygon, longitude then latitude (WGS 84). */
export type AreaBoundary =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Positions in one boundary, all rings together: a street's outline needs a few hundred. */
export const MAX_BOUNDARY_POSITIONS = 5000;

/** At most this many problems are answered: a wrong file would otherwise list thousands. */
const MAX_PROBLEMS = 20;

type Problem = 'type' | 'shape' | 'ringShort' | 'ringOpen' | 'position' | 'longitude' | 'latitude';

/**
 * What is wrong with a boundary, each with its path (`boundary.coordinates[0][3]`): the type
 * (Polygon or MultiPolygon, no other keys), the nesting, rings of at least 4 positions whose
 * first and last are the same (closed), positions of two or three finite numbers with the
 * longitude in −180…180 and the latitude in −90…90, and at most {@link MAX_BOUNDARY_POSITIONS}
 * positions. Empty when it is a valid boundary.
 */
export function boundaryProblems(value: unknown, field = 'boundary'): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, problem: Problem, message: string) =>
    problems.push({ field: path, constraint: 'geoJsonBoundary', params: { problem }, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add(field, 'type', 'must be a GeoJSON Polygon or MultiPolygon object');
    return problems;
  }
  const { type, coordinates, ...rest } = value as Record<string, unknown>;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    add(`${field}.type`, 'type', 'must be Polygon or MultiPolygon');
    return problems;
  }
  for (const key of Object.keys(rest)) {
    add(`${field}.${key}`, 'shape', 'a boundary has only type and coordinates');
  }
  const path = `${field}.coordinates`;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    add(path, 'shape', `must be a non-empty array of ${type === 'Polygon' ? 'rings' : 'polygons'}`);
    return problems;
  }
  const polygons: Array<[string, unknown]> =
    type === 'Polygon' ? [[path, coordinates]] : coordinates.map((p, i) => [`${path}[${i}]`, p]);
  let positions = 0;
  for (const [polygonPath, rings] of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) {
      add(polygonPath, 'shape', 'a polygon is a non-empty array of rings');
      continue;
    }
    rings.forEach((ring: unknown, r) => {
      const ringPath = `${polygonPath}[${r}]`;
      if (!Array.isArray(ring) || ring.length < 4) {
        add(ringPath, 'ringShort', 'a ring is an array of at least 4 positions');
        return;
      }
      positions += ring.length;
      ring.forEach((position: unknown, p) => {
        const at = `${ringPath}[${p}]`;
        if (
          !Array.isArray(position) ||
          position.length < 2 ||
          position.length > 3 ||
          !position.every((n) => typeof n === 'number' && Number.isFinite(n))
        ) {
          add(at, 'position', 'a position is [longitude, latitude]');
          return;
        }
        const [lon, lat] = position as number[];
        if (lon < -180 || lon > 180) add(`${at}[0]`, 'longitude', 'longitude must be -180…180');
        if (lat < -90 || lat > 90) add(`${at}[1]`, 'latitude', 'latitude must be -90…90');
      });
      const first = ring[0] as unknown;
      const last = ring[ring.length - 1] as unknown;
      if (JSON.stringify(first) !== JSON.stringify(last)) {
        add(ringPath, 'ringOpen', 'a ring ends where it starts (closed)');
      }
    });
  }
  if (positions > MAX_BOUNDARY_POSITIONS) {
    problems.unshift({
      field: path,
      constraint: 'geoJsonBoundary',
      params: { problem: 'tooLarge', max: MAX_BOUNDARY_POSITIONS },
      message: `at most ${MAX_BOUNDARY_POSITIONS} positions`,
    });
  }
  return problems.slice(0, MAX_PROBLEMS);
}
