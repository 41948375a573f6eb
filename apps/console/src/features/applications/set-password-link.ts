/**
 * The link the new organization's first admin opens to choose a password: the console's own
 * /set-password page with the one-time token and the login name.
 */
export function setPasswordLink(origin: string, token: string, username: string): string {
  const url = new URL('/set-password', origin);
  url.searchParams.set('token', token);
  url.searchParams.set('username', username);
  return url.toString();
}

type Status = 'pending' | 'approved' | 'rejected';

/** Pending applications first, then the others, each group in the order the API gave. */
export function pendingFirst<T extends { status: Status }>(items: T[]): T[] {
  return [
    ...items.filter((a) => a.status === 'pending'),
    ...items.filter((a) => a.status !== 'pending'),
  ];
}
