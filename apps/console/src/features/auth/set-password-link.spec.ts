import { setPasswordLink } from './set-password-link';

describe('the set-password link shown after creating or resetting a user', () => {
  it("leads to the console's set-password page with the token and the username", () => {
    const link = setPasswordLink('https://onedoor.example', 'abc_-123', 'li.na');
    expect(link).toBe('https://onedoor.example/set-password?token=abc_-123&username=li.na');
  });

  it('escapes what a URL cannot carry as is', () => {
    const url = new URL(setPasswordLink('http://127.0.0.1:3000', 'a+b/c=', 'x y'));
    expect(url.pathname).toBe('/set-password');
    expect(url.searchParams.get('token')).toBe('a+b/c=');
    expect(url.searchParams.get('username')).toBe('x y');
  });

  it('builds the set-password link on the console origin, with token and username encoded', () => {
    expect(setPasswordLink('https://onedoor.example.cn', 'abc+/=1', '慈善 会')).toBe(
      'https://onedoor.example.cn/set-password?token=abc%2B%2F%3D1&username=%E6%85%88%E5%96%84+%E4%BC%9A',
    );
    const url = new URL(setPasswordLink('http://127.0.0.1:3102', 't0k', 'org.admin'));
    expect(url.pathname).toBe('/set-password');
    expect(url.searchParams.get('token')).toBe('t0k');
    expect(url.searchParams.get('username')).toBe('org.admin');
  });
});
