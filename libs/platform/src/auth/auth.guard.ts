import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import type { Principal } from './principal';
import type { Role } from './role';
import { UsersRepository } from './users.repository';

/** An access token names its user and the login session it was issued for. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * The caller behind a bearer token, re-read from the database with its session (so a
 * deactivated user, a changed scope or a logout takes effect at once); 401 UNAUTHENTICATED otherwise. Shared by the guard and
 * the routes mounted outside Nest (the queue board).
 */
export async function principalOf(
  jwt: JwtService,
  users: UsersRepository,
  token: string | undefined,
): Promise<Principal> {
  if (!token) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
  let claims: AccessTokenClaims;
  try {
    claims = await jwt.verifyAsync<AccessTokenClaims>(token);
  } catch {
    throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
  }
  if (!UUID.test(String(claims.sub)) || !UUID.test(String(claims.sid))) {
    throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
  }
  const principal = await users.findPrincipal(claims.sub, claims.sid);
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
  return principal;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const principal = await principalOf(
      this.jwt,
      this.users,
      scheme?.toLowerCase() === 'bearer' ? token : undefined,
    );
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // A route without @Roles is open to every signed-in role that existed when it was written;
    // the low-privilege reporter (leads only) passes only routes that name it, so a route added
    // later without @Roles does not leak to it.
    if (principal.role === 'reporter' && !roles?.includes('reporter')) {
      throw new DomainError('FORBIDDEN', 'Your role may not do this');
    }
    if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
