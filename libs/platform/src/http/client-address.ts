import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The client's address for throttling: Fastify's `request.ip` honours TRUST_PROXY (a hop
 * count), but a forwarded value that is not an address falls back to the socket's peer.
 */
export function clientAddress(request: Pick<FastifyRequest, 'ip' | 'socket'>): string {
  if (isIP(request.ip)) return request.ip;
  return request.socket.remoteAddress ?? '0.0.0.0';
}
