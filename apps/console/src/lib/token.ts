/**
 * The access token lives in memory only (never in storage a script could read later); the
 * refresh token is the API's httpOnly cookie. A reload starts with a refresh.
 */
let accessToken: string | null = null;
const listeners = new Set<(token: string | null) => void>();

export const tokenStore = {
  get: () => accessToken,
  set(token: string | null) {
    accessToken = token;
    for (const listener of listeners) listener(token);
  },
  subscribe(listener: (token: string | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
