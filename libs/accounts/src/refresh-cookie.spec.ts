import type { FastifyRequest } from 'fastify';
import { refreshTokenOf } from './refresh-cookie';

const withCookie = (cookie: string) => ({ headers: { cookie } }) as unknown as FastifyRequest;

describe('refreshTokenOf', () => {
  it('reads the refresh cookie among others; the body wins', () => {
    const request = withCookie('a=1; onedoor_refresh=abc%3D; b=2');
    expect(refreshTokenOf(request)).toBe('abc=');
    expect(refreshTokenOf(request, 'fromBody')).toBe('fromBody');
    expect(refreshTokenOf(withCookie('a=1'))).toBeUndefined();
  });

  it('takes a value that is not valid percent-encoding as it is (a wrong token, not a 500)', () => {
    expect(refreshTokenOf(withCookie('onedoor_refresh=%E0%A4%A'))).toBe('%E0%A4%A');
  });
});
