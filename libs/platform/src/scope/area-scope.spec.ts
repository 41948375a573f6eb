import type { Principal } from '../auth/principal';
import { isInScope } from './area-scope';

const principal = (role: Principal['role'], areaPath: string | null): Principal => ({
  userId: 'u',
  username: 'u',
  role,
  areaId: areaPath ? 'a' : null,
  areaPath,
  providerId: null,
});

describe(isInScope.name, () => {
  it.each([
    ['admin sees everything', principal('admin', null), '/c/d/s2/', true],
    ['own area', principal('assessor', '/c/d/s1/'), '/c/d/s1/', true],
    ['area below', principal('assessor', '/c/d/s1/'), '/c/d/s1/k/', true],
    ['sibling street', principal('assessor', '/c/d/s1/'), '/c/d/s2/', false],
    ['a prefix of the id is not the area', principal('assessor', '/c/d/s1/'), '/c/d/s10/', false],
    ['parent area', principal('civil_affairs', '/c/d/s1/'), '/c/d/', false],
    ['no area: nothing', principal('evaluator', null), '/c/', false],
    ['record without area', principal('civil_affairs', '/c/'), null, false],
  ])('%s', (_, who, path, expected) => {
    expect(isInScope(who, path)).toBe(expected);
  });
});
