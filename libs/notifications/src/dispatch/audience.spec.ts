import { ancestorPaths, selectorRows } from './audience';

const U1 = '11111111-1111-4111-8111-111111111111';
const P1 = '22222222-2222-4222-8222-222222222222';

describe('audience selectors', () => {
  it('lists a path and its ancestors, so scope containment is an equality join', () => {
    expect(ancestorPaths('/a/b/c/')).toEqual(['/a/', '/a/b/', '/a/b/c/']);
  });

  it('flattens every kind of selector, admin unrestricted, bad ids dropped', () => {
    const rows = selectorRows('7', [
      { userIds: [U1, 'not-a-uuid'] },
      { roles: ['civil_affairs', 'admin'], areaPath: '/a/b/' },
      { providerId: P1 },
    ]);
    expect(rows.map((r) => [r.kind, r.userId ?? r.providerId, r.role, r.path])).toEqual([
      ['user', U1, null, null],
      ['area', null, 'civil_affairs', '/a/'],
      ['area', null, 'civil_affairs', '/a/b/'],
      ['area', null, 'admin', null],
      ['area', null, 'admin', '/a/'],
      ['area', null, 'admin', '/a/b/'],
      ['provider', P1, null, null],
    ]);
  });
});
