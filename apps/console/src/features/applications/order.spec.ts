import { pendingFirst } from './order';

describe('organization applications', () => {
  it('lists pending applications first, keeping the API order within each group', () => {
    const items = [
      { id: 'a', status: 'approved' as const },
      { id: 'b', status: 'pending' as const },
      { id: 'c', status: 'rejected' as const },
      { id: 'd', status: 'pending' as const },
    ];
    expect(pendingFirst(items).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
