export const AREA_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Which level a parent must have: the tree is city > district > street > community. */
export const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = {
  city: null,
  district: 'city',
  street: 'district',
  community: 'street',
};

/** The path of a child area under `parentPath` (null for a root): '/<id>/<id>/'. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Ids of the areas on a path, root first. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The path of the area one level above the path's last area (the root's own path for a root):
 * where an overdue step escalates.
 */
export function parentPath(path: string): string {
  const ids = idsOnPath(path);
  return ids.length <= 1 ? path : `/${ids.slice(0, -1).join('/')}/`;
}

/** The path of `areaId` on `path` (an ancestor, or the path's own area); null when not on it. */
export function pathUpTo(path: string, areaId: string): string | null {
  const ids = idsOnPath(path);
  const i = ids.indexOf(areaId);
  return i < 0 ? null : `/${ids.slice(0, i + 1).join('/')}/`;
}
