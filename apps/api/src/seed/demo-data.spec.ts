import { type AreaBoundary, boundaryProblems } from '@onedoor/areas';
import { DEMO_AREAS } from './demo-data';

/** West, south, east, north of a rectangle's one ring. */
const box = (b: AreaBoundary) => {
  const ring = (b.coordinates as number[][][])[0];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
};

describe('DEMO_AREAS', () => {
  const below = DEMO_AREAS.filter((a) => a.level === 'street' || a.level === 'community');

  it('gives every street and community a valid outline', () => {
    for (const area of below) {
      expect({ code: area.code, problems: boundaryProblems(area.boundary) }).toEqual({
        code: area.code,
        problems: [],
      });
    }
  });

  it('tiles each street with its communities, and the streets do not overlap', () => {
    const streets = below.filter((a) => a.level === 'street');
    for (const street of streets) {
      const [w, s, e, n] = box(street.boundary!);
      const parts = below.filter((a) => a.parent === street.code).map((a) => box(a.boundary!));
      expect(parts.length).toBeGreaterThan(0);
      for (const [pw, ps, pe, pn] of parts) {
        expect([pw, pe]).toEqual([w, e]);
        expect(ps >= s && pn <= n).toBe(true);
      }
      const area = parts.reduce((sum, [pw, ps, pe, pn]) => sum + (pe - pw) * (pn - ps), 0);
      expect(area).toBeCloseTo((e - w) * (n - s), 9);
    }
    const spans = streets.map((a) => box(a.boundary!)).sort((a, b) => a[0] - b[0]);
    spans.slice(1).forEach((span, i) => expect(span[0]).toBeGreaterThanOrEqual(spans[i][2]));
  });
});
