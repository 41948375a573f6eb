import type { FastifyRequest } from 'fastify';

/**
 * One cookie's value from the request's Cookie header, percent-decoded; a value that is not
 * valid percent-encoding is taken as it is (a wrong credential is answered as one, never a
 * 500). The two cookies the API reads (refresh token, Bull Board) need no more than this, so
 * no cookie plugin.
 */
export function cookieValue(
  request: Pick<FastifyRequest, 'headers'>,
  name: string,
): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decoded(value.join('='));
  }
  return undefined;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
