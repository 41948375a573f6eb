/**
 * The rule builder's model: a tree of groups (all / any) and conditions, converted to and from
 * the API's rule document (`{ all: [...] }`, `{ any: [...] }`, one predicate per node). The
 * console holds no rule of its own: whether a node is valid is the API's answer
 * (POST /api/resources/eligibility/check), mapped back onto the node by its path.
 */

/** The API's closed predicate set (libs/resources eligibility PREDICATES). */
export const PREDICATES = [
  'tier',
  'circle',
  'perCapitaIncomeRatio',
  'memberAge',
  'hasDisability',
  'hasChronicIllness',
  'residency',
  'householdSize',
  'childrenInSchool',
  'householdTags',
] as const;
export type Predicate = (typeof PREDICATES)[number];

export const RANGE_PREDICATES = [
  'perCapitaIncomeRatio',
  'memberAge',
  'householdSize',
  'childrenInSchool',
] as const;
export type RangePredicate = (typeof RANGE_PREDICATES)[number];
export const BOOLEAN_PREDICATES = ['hasDisability', 'hasChronicIllness'] as const;
export const TAG_LISTS = ['any', 'all', 'none'] as const;
export type TagList = (typeof TAG_LISTS)[number];

export interface Range {
  min?: number;
  max?: number;
}
/** What each predicate's controls hold; empty lists and blank numbers are left out of the document. */
export interface ConditionValues {
  tier: { in: string[] };
  residency: { in: string[] };
  circle: { in?: number[]; max?: number };
  perCapitaIncomeRatio: Range;
  memberAge: Range;
  householdSize: Range;
  childrenInSchool: Range;
  hasDisability: boolean;
  hasChronicIllness: boolean;
  householdTags: { any?: string[]; all?: string[]; none?: string[] };
}

export type Condition = {
  [P in Predicate]: { kind: 'condition'; key: string; predicate: P; value: ConditionValues[P] };
}[Predicate];
export interface Group {
  kind: 'group';
  key: string;
  op: 'all' | 'any';
  children: RuleNode[];
}
export type RuleNode = Group | Condition;

/** The API's rule document (its OpenAPI type is a free-form object). */
export type RuleDocument = { [key: string]: unknown };

let counter = 0;
/** Keys only tell React's list items apart; they never leave the page. */
export const newKey = () => `n${(counter += 1)}`;

export const emptyTree = (): Group => ({ kind: 'group', key: newKey(), op: 'all', children: [] });

const DEFAULTS: { [P in Predicate]: () => ConditionValues[P] } = {
  tier: () => ({ in: [] }),
  residency: () => ({ in: [] }),
  circle: () => ({}),
  perCapitaIncomeRatio: () => ({}),
  memberAge: () => ({}),
  householdSize: () => ({}),
  childrenInSchool: () => ({}),
  hasDisability: () => true,
  hasChronicIllness: () => true,
  householdTags: () => ({}),
};

export function newCondition<P extends Predicate>(
  predicate: P,
): Extract<Condition, { predicate: P }> {
  const condition = { kind: 'condition', key: newKey(), predicate, value: DEFAULTS[predicate]() };
  return condition as unknown as Extract<Condition, { predicate: P }>;
}
export const newGroup = (op: Group['op'] = 'all'): Group => ({
  kind: 'group',
  key: newKey(),
  op,
  children: [],
});

const blank = (n: unknown) => n === undefined || n === null || n === '';

/** Drops what a control holds but the document must not say (blank numbers, empty lists). */
function cleanValue(c: Condition): unknown {
  switch (c.predicate) {
    case 'hasDisability':
    case 'hasChronicIllness':
      return c.value;
    case 'tier':
    case 'residency':
      // An empty list stays: the API says "请至少选择一项" under the node.
      return { in: c.value.in };
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c.value as Record<string, unknown>)) {
        if (blank(v) || (Array.isArray(v) && v.length === 0)) continue;
        out[k] = v;
      }
      return out;
    }
  }
}

function nodeToDocument(node: RuleNode): RuleDocument {
  if (node.kind === 'group') return { [node.op]: node.children.map(nodeToDocument) };
  return { [node.predicate]: cleanValue(node) };
}

/**
 * The tree as the API's document: the root group always stays a group (so node paths do not
 * move while one edits), and a root without conditions is `null`, "no conditions". A nested
 * empty group is kept: the API refuses it on that node.
 */
export function toDocument(root: Group): RuleDocument | null {
  return root.children.length === 0 ? null : nodeToDocument(root);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function documentToNode(doc: unknown): RuleNode {
  if (!isObject(doc)) throw new Error('not a rule node');
  const [key] = Object.keys(doc);
  const value = doc[key];
  if ((key === 'all' || key === 'any') && Array.isArray(value)) {
    return { kind: 'group', key: newKey(), op: key, children: value.map(documentToNode) };
  }
  if (!(PREDICATES as readonly string[]).includes(key)) throw new Error(`unknown predicate ${key}`);
  const fresh = newCondition(key as Predicate);
  const copied = isObject(value) ? { ...(fresh.value as object), ...value } : value;
  return { ...fresh, value: copied } as Condition;
}

/**
 * A saved document as a tree. The root is always a group: a lone predicate becomes the only
 * condition of an "all" group (it means the same).
 */
export function fromDocument(doc: unknown): Group {
  if (doc === null || doc === undefined) return emptyTree();
  const node = documentToNode(doc);
  return node.kind === 'group' ? node : { ...emptyTree(), children: [node] };
}

/** Every node's path in the document the tree converts to: `eligibility.all[1].any[0]`. */
export function nodePaths(root: Group, base = 'eligibility'): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: RuleNode, path: string) => {
    paths.set(node.key, path);
    if (node.kind === 'group')
      node.children.forEach((child, i) => walk(child, `${path}.${node.op}[${i}]`));
  };
  walk(root, base);
  return paths;
}

export interface NodeProblem {
  /** What the API said. */
  message: string;
  /** The part of the node it names: `min`, `max`, `in`, `any` (tags) …; '' for the node itself. */
  part: string;
}

/**
 * The API's field errors put on the nodes they belong to: an error belongs to the deepest node
 * whose path starts it (`eligibility.all[1].memberAge.min` → the condition at `all[1]`, part
 * `min`). Errors on no node (none, while the tree is the one checked) go to the root.
 */
export function problemsByNode(
  root: Group,
  errors: { field: string; message: string }[],
): Map<string, NodeProblem[]> {
  const paths = [...nodePaths(root)].sort((a, b) => b[1].length - a[1].length);
  const byNode = new Map<string, NodeProblem[]>();
  for (const error of errors) {
    const hit = paths.find(
      ([, path]) =>
        error.field === path ||
        (error.field.startsWith(path) && '.['.includes(error.field[path.length])),
    );
    const [key, path] = hit ?? [root.key, 'eligibility'];
    const node = findNode(root, key);
    let rest = error.field.slice(path.length).replace(/^\./, '');
    // A condition's errors name its predicate first (`memberAge.min`): keep the part after it.
    if (node?.kind === 'condition' && rest.startsWith(node.predicate))
      rest = rest.slice(node.predicate.length).replace(/^\./, '');
    if (node?.kind === 'group' && rest.startsWith(node.op)) rest = '';
    byNode.set(key, [...(byNode.get(key) ?? []), { message: error.message, part: partOf(rest) }]);
  }
  return byNode;
}

/** `in[0]` → `in`; `min` → `min`. */
const partOf = (rest: string) => rest.replace(/\[\d+\].*$/, '').split('.')[0] ?? '';

export function findNode(root: RuleNode, key: string): RuleNode | undefined {
  if (root.key === key) return root;
  if (root.kind !== 'group') return undefined;
  for (const child of root.children) {
    const found = findNode(child, key);
    if (found) return found;
  }
  return undefined;
}

/** The tree with one node replaced by `update(node)` (immutably, for React state). */
export function updateNode(root: Group, key: string, update: (n: RuleNode) => RuleNode): Group {
  const walk = (node: RuleNode): RuleNode => {
    if (node.key === key) return update(node);
    if (node.kind !== 'group') return node;
    return { ...node, children: node.children.map(walk) };
  };
  return walk(root) as Group;
}

export function removeNode(root: Group, key: string): Group {
  const walk = (node: RuleNode): RuleNode =>
    node.kind === 'group'
      ? { ...node, children: node.children.filter((c) => c.key !== key).map(walk) }
      : node;
  return walk(root) as Group;
}

export function addChild(root: Group, groupKey: string, child: RuleNode): Group {
  return updateNode(root, groupKey, (n) =>
    n.kind === 'group' ? { ...n, children: [...n.children, child] } : n,
  );
}
