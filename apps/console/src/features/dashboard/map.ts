/**
 * The dashboard map's data: the child areas' outlines as one GeoJSON FeatureCollection, and each
 * area's attainability as the value and colour the map shows. The chart's visualMap is built
 * from {@link ATTAINABILITY_PIECES} and each region's colour from {@link attainabilityColour},
 * so what the page lists beside the map (and the browser test reads) is what the map draws.
 * No imports from the app: the browser test imports this file.
 */

/** GeoJSON geometry as areas carry it (longitude, latitude). */
export interface Boundary {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[][];
}

export interface MapArea {
  id: string;
  name: string;
  boundary?: Boundary | null;
}

/** Bands of attainability in percent, low (red) to high (green); the last includes 100. */
export const ATTAINABILITY_PIECES = [
  { gte: 0, lt: 20, color: '#cf1322', label: '0–20%' },
  { gte: 20, lt: 40, color: '#fa8c16', label: '20–40%' },
  { gte: 40, lt: 60, color: '#fadb14', label: '40–60%' },
  { gte: 60, lt: 80, color: '#95de64', label: '60–80%' },
  { gte: 80, lte: 100, color: '#389e0d', label: '80–100%' },
] as const;

/** An area with nothing to divide (no household with a need) is drawn grey. */
export const NO_DATA_COLOUR = '#d9d9d9';

/** A rate (0–1, or null) as the map's value: percent with one decimal, as the charts show it. */
export function ratePercent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

/** The colour the map gives an attainability rate: its band's, or grey when there is none. */
export function attainabilityColour(rate: number | null | undefined): string {
  const percent = ratePercent(rate);
  if (percent === null) return NO_DATA_COLOUR;
  const piece = ATTAINABILITY_PIECES.find(
    (p) => percent >= p.gte && ('lt' in p ? percent < p.lt : percent <= p.lte),
  );
  return piece?.color ?? NO_DATA_COLOUR;
}

export interface MapRegion {
  id: string;
  name: string;
  accessibilityRate: number | null;
  attainabilityRate: number | null;
  /** The value drawn (percent), null when there is nothing to divide. */
  value: number | null;
  colour: string;
}

/**
 * The coverage rows (one per child area) as regions of the map: those whose area has a boundary
 * are drawn (features named by area id, so two areas of one name never merge); the others are
 * listed as not drawn.
 */
export function mapRegions(
  rows: Array<{
    key: string;
    name: string;
    accessibilityRate: number | null;
    attainabilityRate: number | null;
  }>,
  areas: MapArea[],
): {
  geoJson: { type: 'FeatureCollection'; features: unknown[] };
  drawn: MapRegion[];
  undrawn: MapRegion[];
} {
  const boundaries = new Map(areas.map((a) => [a.id, a.boundary ?? null]));
  const drawn: MapRegion[] = [];
  const undrawn: MapRegion[] = [];
  const features: unknown[] = [];
  for (const row of rows) {
    const region: MapRegion = {
      id: row.key,
      name: row.name,
      accessibilityRate: row.accessibilityRate,
      attainabilityRate: row.attainabilityRate,
      value: ratePercent(row.attainabilityRate),
      colour: attainabilityColour(row.attainabilityRate),
    };
    const boundary = boundaries.get(row.key);
    if (boundary) {
      drawn.push(region);
      features.push({ type: 'Feature', properties: { name: row.key }, geometry: boundary });
    } else {
      undrawn.push(region);
    }
  }
  return { geoJson: { type: 'FeatureCollection', features }, drawn, undrawn };
}
