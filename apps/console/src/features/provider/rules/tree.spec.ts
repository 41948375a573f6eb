import {
  addChild,
  emptyTree,
  fromDocument,
  type Group,
  newCondition,
  newGroup,
  nodePaths,
  problemsByNode,
  removeNode,
  toDocument,
  updateNode,
} from './tree';

const nested = {
  all: [
    { tier: { in: ['subsistence', 'extreme_poverty'] } },
    { any: [{ memberAge: { min: 60 } }, { hasDisability: true }] },
  ],
};

describe('rule tree ⇄ rule document', () => {
  it('reads a nested document and writes it back unchanged', () => {
    const tree = fromDocument(nested);
    expect(tree).toMatchObject({
      kind: 'group',
      op: 'all',
      children: [
        { kind: 'condition', predicate: 'tier', value: { in: ['subsistence', 'extreme_poverty'] } },
        {
          kind: 'group',
          op: 'any',
          children: [
            { predicate: 'memberAge', value: { min: 60 } },
            { predicate: 'hasDisability', value: true },
          ],
        },
      ],
    });
    expect(toDocument(tree)).toEqual(nested);
  });

  it('treats no conditions as null, both ways', () => {
    expect(toDocument(emptyTree())).toBeNull();
    expect(fromDocument(null)).toMatchObject({ op: 'all', children: [] });
  });

  it('wraps a lone predicate in an all group (same meaning)', () => {
    expect(toDocument(fromDocument({ residency: { in: ['local'] } }))).toEqual({
      all: [{ residency: { in: ['local'] } }],
    });
  });

  it('leaves blank numbers and empty tag lists out, keeps an empty nested group for the API to refuse', () => {
    let tree = emptyTree();
    const age = { ...newCondition('memberAge'), value: { min: 60, max: undefined } };
    const tags = { ...newCondition('householdTags'), value: { any: ['elderly_alone'], none: [] } };
    tree = addChild(addChild(addChild(tree, tree.key, age), tree.key, tags), tree.key, newGroup());
    expect(toDocument(tree)).toEqual({
      all: [{ memberAge: { min: 60 } }, { householdTags: { any: ['elderly_alone'] } }, { all: [] }],
    });
  });

  it('builds, edits and removes nodes without touching the others', () => {
    let tree: Group = emptyTree();
    const tier = newCondition('tier');
    const any = newGroup('any');
    tree = addChild(addChild(tree, tree.key, tier), tree.key, any);
    tree = addChild(tree, any.key, newCondition('hasChronicIllness'));
    tree = updateNode(tree, tier.key, (n) => ({ ...n, value: { in: ['low_income'] } }) as typeof n);
    tree = updateNode(tree, any.key, (n) => ({ ...n, op: 'all' }) as typeof n);
    expect(toDocument(tree)).toEqual({
      all: [{ tier: { in: ['low_income'] } }, { all: [{ hasChronicIllness: true }] }],
    });
    expect(toDocument(removeNode(tree, any.key))).toEqual({
      all: [{ tier: { in: ['low_income'] } }],
    });
  });
});

describe(problemsByNode.name, () => {
  const tree = fromDocument({
    all: [
      { tier: { in: [] } },
      { any: [{ memberAge: { min: 70, max: 60 } }, { hasDisability: true }] },
      { any: [] },
      ...Array.from({ length: 8 }, () => ({ hasChronicIllness: true })),
      { householdSize: { max: 99 } },
    ],
  });
  const [tier, any, empty] = tree.children as [Group, Group, Group];
  const [age] = any.children;
  const size = tree.children[11];

  it('gives every node the path the document has', () => {
    const paths = nodePaths(tree);
    expect(paths.get(tree.key)).toBe('eligibility');
    expect(paths.get(age.key)).toBe('eligibility.all[1].any[0]');
    expect(paths.get(size.key)).toBe('eligibility.all[11]');
  });

  it('puts each error on its node, with the part of the node it names', () => {
    const problems = problemsByNode(tree, [
      { field: 'eligibility.all[0].tier.in', message: '请至少选择一项' },
      { field: 'eligibility.all[1].any[0].memberAge', message: '最小值不能大于最大值' },
      { field: 'eligibility.all[2].any', message: '条件组中至少需要一个条件' },
      // all[11], not all[1]: a path is a prefix only at a boundary.
      { field: 'eligibility.all[11].householdSize.max', message: '应为 1 至 50 之间的数值' },
      { field: 'eligibility.all[0].tier.in[2]', message: '含有不允许的选项' },
    ]);
    expect(problems.get(tier.key)).toEqual([
      { message: '请至少选择一项', part: 'in' },
      { message: '含有不允许的选项', part: 'in' },
    ]);
    expect(problems.get(age.key)).toEqual([{ message: '最小值不能大于最大值', part: '' }]);
    expect(problems.get(empty.key)).toEqual([{ message: '条件组中至少需要一个条件', part: '' }]);
    expect(problems.get(size.key)).toEqual([{ message: '应为 1 至 50 之间的数值', part: 'max' }]);
    expect(problems.has(any.key)).toBe(false);
  });

  it('puts an error on no node on the root', () => {
    expect(problemsByNode(tree, [{ field: 'eligibility', message: 'x' }]).get(tree.key)).toEqual([
      { message: 'x', part: '' },
    ]);
  });
});
