import { tokenStore } from './token';

let inFlight: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new access token. A refresh token is single-use (used twice,
 * the API ends the session), so one refresh runs at a time in this tab, and a Web Lock
 * serializes tabs of the same browser, which share the cookie.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= withLock(async () => {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
    if (!response.ok) {
      tokenStore.set(null);
      return false;
    }
    const body = (await response.json()) as { accessToken: string; expiresIn: number };
    tokenStore.set(body.accessToken);
    scheduleRefresh(body.expiresIn);
    return true;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  return navigator.locks
    ? (navigator.locks.request('onedoor-refresh', task) as Promise<T>)
    : task();
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Refreshes a minute before the access token expires, so pages rarely meet a 401. */
export function scheduleRefresh(expiresInSeconds: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refreshSession(), Math.max(10, expiresInSeconds - 60) * 1000);
}

export function cancelRefresh(): void {
  clearTimeout(timer);
}
