/**
 * The one-time link a new or reset account's owner opens to choose a password: the console's
 * /set-password page with the token and the login name. Used after creating or resetting a
 * user, and after approving an organization's application (its first admin).
 */
export function setPasswordLink(origin: string, token: string, username: string): string {
  const url = new URL('/set-password', origin);
  url.searchParams.set('token', token);
  url.searchParams.set('username', username);
  return url.toString();
}
