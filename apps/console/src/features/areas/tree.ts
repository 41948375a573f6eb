/** The fields of an area the tree needs (AreaDto has more). */
export interface AreaLike {
  id: string;
  parentId?: string | null;
  name: string;
  code: string;
  level: string;
}

export interface AreaNode<A extends AreaLike = AreaLike> {
  area: A;
  children: AreaNode<A>[];
}

/**
 * The areas in scope as a forest: an area whose parent is outside the caller's scope (a street
 * officer's street, whose district they cannot see) is a root. Children are sorted by code, so
 * the tree reads the same on every load.
 */
export function buildAreaTree<A extends AreaLike>(areas: A[]): AreaNode<A>[] {
  const nodes = new Map<string, AreaNode<A>>(areas.map((a) => [a.id, { area: a, children: [] }]));
  const roots: AreaNode<A>[] = [];
  for (const node of nodes.values()) {
    const parent = node.area.parentId ? nodes.get(node.area.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: AreaNode<A>[]) => {
    list.sort((a, b) => a.area.code.localeCompare(b.area.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
