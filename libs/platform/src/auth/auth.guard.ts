import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import type { Principal } from './principal';
import type { Role } from './role';
import { UsersRepository } from './users.repository';

interface TokenClaims {
  sub: string;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). The
 * principal is re-read from the database so a deactivated user or a changed scope takes
 * effect at once rather than when the token expires.
 */
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
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    }
    const principal = await this.users.findPrincipal(claims.sub);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
