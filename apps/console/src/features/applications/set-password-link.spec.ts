import { pendingFirst, setPasswordLink } from './set-password-link';

describe('organization applications', () => {
  it('builds the set-password link on the console origin, with token and username encoded', () => {
    expect(setPasswordLink('https://onedoor.example.cn', 'abc+/=1', '慈善 会')).toBe(
      'https://onedoor.example.cn/set-password?token=abc%2B%2F%3D1&username=%E6%85%88%E5%96%84+%E4%BC%9A',
    );
    const url = new URL(setPasswordLink('http://127.0.0.1:3102', 't0k', 'org.admin'));
    expect(url.pathname).toBe('/set-password');
    expect(url.searchParams.get('token')).toBe('t0k');
    expect(url.searchParams.get('username')).toBe('org.admin');
  });

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
