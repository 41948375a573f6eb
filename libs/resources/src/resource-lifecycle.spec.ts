import { actorsFor, RESOURCE_TRANSITIONS } from './resource-lifecycle';
import { RESOURCE_STATUSES } from './resource.types';

describe('RESOURCE_TRANSITIONS', () => {
  const reachable = (from: string) =>
    Object.entries(RESOURCE_TRANSITIONS)
      .filter(([, t]) => (t.from as readonly string[]).includes(from))
      .map(([action, t]) => `${action}→${t.to}`)
      .sort();

  it('is the documented machine, closed being final', () => {
    expect(Object.fromEntries(RESOURCE_STATUSES.map((s) => [s, reachable(s)]))).toEqual({
      draft: ['close→closed', 'submit→pending_review'],
      pending_review: ['close→closed', 'publish→published', 'reject→draft'],
      published: ['close→closed', 'exhaust→closed', 'expire→closed', 'pause→paused'],
      paused: ['close→closed', 'exhaust→closed', 'expire→closed', 'resume→published'],
      closed: [],
    });
  });

  it('lets only reviewers publish and reject, only owners submit, only the system expire', () => {
    expect(RESOURCE_TRANSITIONS.publish.by).toEqual(['reviewer']);
    expect(RESOURCE_TRANSITIONS.reject.by).toEqual(['reviewer']);
    expect(RESOURCE_TRANSITIONS.submit.by).toEqual(['owner']);
    expect(RESOURCE_TRANSITIONS.expire.by).toEqual(['system']);
    expect(RESOURCE_TRANSITIONS.exhaust.by).toEqual(['system']);
  });
});

describe(actorsFor.name, () => {
  const resource = { providerId: 'p1' };
  it.each([
    ['own provider user', { role: 'provider' as const, providerId: 'p1' }, false, ['owner']],
    ["another provider's user", { role: 'provider' as const, providerId: 'p2' }, false, []],
    [
      'civil affairs in scope',
      { role: 'civil_affairs' as const, providerId: null },
      true,
      ['reviewer'],
    ],
    ['civil affairs out of scope', { role: 'civil_affairs' as const, providerId: null }, false, []],
    ['assessor', { role: 'assessor' as const, providerId: null }, true, []],
    ['admin', { role: 'admin' as const, providerId: null }, false, ['owner', 'reviewer']],
  ])('%s', (_, principal, inScope, expected) => {
    expect(actorsFor(principal, resource, inScope)).toEqual(expected);
  });
});
