import { setPasswordLink } from './link';

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
});
