import { buildAreaTree } from './tree';

const area = (id: string, parentId: string | null, code = id) => ({
  id,
  parentId,
  code,
  name: id,
  level: 'community',
});

describe('the area tree of the areas page', () => {
  it('nests children under their parents, sorted by code', () => {
    const tree = buildAreaTree([
      area('city', null, 'C'),
      area('s2', 'd', 'C-D-2'),
      area('d', 'city', 'C-D'),
      area('s1', 'd', 'C-D-1'),
    ]);
    expect(tree.map((n) => n.area.id)).toEqual(['city']);
    expect(tree[0].children[0].area.id).toBe('d');
    expect(tree[0].children[0].children.map((n) => n.area.id)).toEqual(['s1', 's2']);
  });

  it('makes an area whose parent is out of scope a root', () => {
    const tree = buildAreaTree([area('street', 'hidden-district'), area('c1', 'street')]);
    expect(tree.map((n) => n.area.id)).toEqual(['street']);
    expect(tree[0].children.map((n) => n.area.id)).toEqual(['c1']);
  });
});
