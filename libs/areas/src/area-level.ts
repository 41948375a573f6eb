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
