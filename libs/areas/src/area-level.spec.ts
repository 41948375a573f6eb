import { childPath, idsOnPath, PARENT_LEVEL, parentPath, pathUpTo } from './area-level';

describe('area paths', () => {
  it('builds a child path under its parent, root first', () => {
    expect(childPath(null, 'c')).toBe('/c/');
    expect(childPath('/c/', 'd')).toBe('/c/d/');
    expect(idsOnPath('/c/d/s/')).toEqual(['c', 'd', 's']);
  });

  it('orders the tree city > district > street > community', () => {
    expect(PARENT_LEVEL).toEqual({
      city: null,
      district: 'city',
      street: 'district',
      community: 'street',
    });
  });
});

describe('parentPath and pathUpTo', () => {
  it('go up the path', () => {
    expect(parentPath('/c/d/s/m/')).toBe('/c/d/s/');
    expect(parentPath('/c/')).toBe('/c/');
    expect(pathUpTo('/c/d/s/m/', 'd')).toBe('/c/d/');
    expect(pathUpTo('/c/d/s/m/', 'x')).toBeNull();
  });
});
