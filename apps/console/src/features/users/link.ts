/**
 * The one-time link a new (or reset) user opens to set their own password: the console's
 * set-password page with the token and the username filled in.
 */
export function setPasswordLink(origin: string, token: string, username: string): string {
  const query = new URLSearchParams({ token, username });
  return `${origin}/set-password?${query.toString()}`;
}
