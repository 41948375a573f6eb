import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientAddress, cookieValue } from '@onedoor/platform';
import type { ClientInfo } from './login-events.service';

/** The web console's refresh token: httpOnly, so page scripts never read it. */
export const REFRESH_COOKIE = 'onedoor_refresh';
/** Sent only to the auth routes that use it (refresh, logout), nowhere else. */
const COOKIE_PATH = '/api/auth';

/** The refresh token from the body, or else from the cookie. */
export function refreshTokenOf(request: FastifyRequest, fromBody?: string): string | undefined {
  return fromBody || cookieValue(request, REFRESH_COOKIE);
}

/**
 * Sets the cookie: SameSite=Strict (no cross-site request carries it, so no CSRF on refresh),
 * Secure when the request came over TLS (directly, or per X-Forwarded-Proto from the proxies
 * TRUST_PROXY counts), expiring with the session.
 */
export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.header('set-cookie', cookie(request, encodeURIComponent(token), maxAge));
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', cookie(request, '', 0));
}

function cookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${REFRESH_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

export function clientInfo(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { address: clientAddress(request), userAgent: typeof agent === 'string' ? agent : null };
}
