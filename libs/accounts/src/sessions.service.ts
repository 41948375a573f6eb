import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import {
  type AccessTokenClaims,
  APP_CONFIG,
  type AppConfig,
  Clock,
  DomainError,
  LoginThrottleService,
  type Principal,
  TransactionRunner,
  UsersRepository,
  verifyPassword,
} from '@onedoor/platform';
import { type SessionDto, type TokenDto, toSessionDto } from './dto/auth.dto';
import { type ClientInfo, LoginEventsService } from './login-events.service';
import { digestOf, randomSecret } from './secret-token.util';
import { SessionsRepository } from './sessions.repository';
import { UserSessionEntity } from './user-session.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a user's sessions were ended (stored on each session). */
export type SessionEndReason =
  | 'logout'
  | 'logout_all'
  | 'revoked'
  | 'refresh_reuse'
  | 'deactivated'
  | 'role_or_scope_changed'
  | 'password_changed'
  | 'password_reset'
  | 'contract_ended';

/**
 * Login sessions: a short-lived access token (JWT with the session id `sid`) and a rotating
 * refresh token `<sid>.<rotation>.<secret>`, stored as its SHA-256 digest. A refresh answers a
 * new pair and makes the old refresh token worthless; an old one coming back (its rotation
 * below the session's) means two parties hold the session, so it ends for both.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleService,
    private readonly events: LoginEventsService,
    private readonly jwt: JwtService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<TokenDto> {
    const key = username.trim().toLowerCase();
    const attempt = await this.throttle.begin(key, client.address);
    const user = await this.users.findForLogin(key);
    // An account still waiting for its first password has no hash: it fails like a wrong one.
    const ok = await verifyPassword(user?.passwordHash ?? undefined, password);
    if (!user || !ok) {
      await this.throttle.failed(attempt);
      await this.events.record({
        kind: 'login',
        outcome: 'failure',
        userId: user?.id ?? null,
        username: key,
        client,
      });
      // One message for unknown user and wrong password: no username enumeration.
      throw new DomainError('INVALID_CREDENTIALS', 'Invalid username or password');
    }
    await this.throttle.succeeded(attempt);
    return this.tx.run(async (manager) => {
      const issued = await this.open(user.id, user.role, client, manager);
      await this.events.record(
        { kind: 'login', outcome: 'success', userId: user.id, username: user.username, client },
        manager,
      );
      return issued;
    });
  }

  async refresh(token: string | undefined, client: ClientInfo): Promise<TokenDto> {
    const [sid, rotationText, secret] = (token ?? '').split('.');
    const rotation = Number(rotationText);
    if (!sid || !UUID.test(sid) || !secret || !Number.isSafeInteger(rotation)) {
      throw invalidRefresh();
    }
    const outcome = await this.tx.run(async (manager) => {
      const now = this.clock.now();
      const session = await this.sessions.findForUpdate(sid, manager);
      if (!session || session.revokedAt || session.expiresAt <= now) return 'invalid' as const;
      const user = await this.users.findById(session.userId);
      // A contracted worker whose contract has ended refreshes no more than they log in.
      if (!user?.active || (user.accessUntil && user.accessUntil <= now)) return 'invalid' as const;
      if (!sameDigest(digestOf(token!), session.refreshHash)) {
        if (rotation >= session.rotation) return 'invalid' as const;
        // A token of an earlier rotation: copied. End the session for every holder.
        await this.sessions.revoke(sid, session.userId, 'refresh_reuse', now, manager);
        await this.events.record(
          {
            kind: 'refresh',
            outcome: 'refresh_reuse',
            userId: user.id,
            username: user.username,
            client,
          },
          manager,
        );
        return 'reused' as const;
      }
      const next = session.rotation + 1;
      const refreshToken = `${sid}.${next}.${randomSecret()}`;
      await this.sessions.rotate(sid, digestOf(refreshToken), next, now, manager);
      await this.events.record(
        { kind: 'refresh', outcome: 'success', userId: user.id, username: user.username, client },
        manager,
      );
      return this.tokens(user.id, user.role, sid, refreshToken, session.expiresAt);
    });
    if (outcome === 'reused') {
      throw new DomainError(
        'REFRESH_TOKEN_INVALID',
        'This refresh token was already used; the session has been ended',
      );
    }
    if (outcome === 'invalid') throw invalidRefresh();
    return outcome;
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    await this.tx.run(async (manager) => {
      const now = this.clock.now();
      if (principal.sessionId) {
        await this.sessions.revoke(principal.sessionId, principal.userId, 'logout', now, manager);
      }
      await this.record('logout', principal, client, manager);
    });
  }

  async logoutEverywhere(principal: Principal, client: ClientInfo): Promise<number> {
    return this.tx.run(async (manager) => {
      const ended = await this.sessions.revokeAllOf(
        principal.userId,
        'logout_all',
        this.clock.now(),
        manager,
      );
      await this.record('logout_all', principal, client, manager);
      return ended;
    });
  }

  async list(principal: Principal): Promise<SessionDto[]> {
    const open = await this.sessions.listOpen(principal.userId, this.clock.now());
    return open.map((s) => toSessionDto(s, principal.sessionId));
  }

  async revoke(principal: Principal, sessionId: string, client: ClientInfo): Promise<void> {
    await this.tx.run(async (manager) => {
      const ended = await this.sessions.revoke(
        sessionId,
        principal.userId,
        'revoked',
        this.clock.now(),
        manager,
      );
      // Another user's session answers as a missing one.
      if (!ended) throw new DomainError('SESSION_NOT_FOUND', 'Session not found');
      await this.record('session_revoked', principal, client, manager);
    });
  }

  /**
   * Ends all of a user's sessions inside the caller's transaction (deactivation, a role or
   * scope change, a password reset): their next request is refused.
   */
  endAllOf(userId: string, reason: SessionEndReason, manager: EntityManager): Promise<number> {
    return this.sessions.revokeAllOf(userId, reason, this.clock.now(), manager);
  }

  /** A new session for a user whose credentials were just checked. */
  private async open(
    userId: string,
    role: string,
    client: ClientInfo,
    manager: EntityManager,
  ): Promise<TokenDto> {
    const now = this.clock.now();
    const id = randomUUID();
    const refreshToken = `${id}.0.${randomSecret()}`;
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenDays * 86_400_000);
    await this.sessions.insert(
      Object.assign(new UserSessionEntity(), {
        id,
        userId,
        refreshHash: digestOf(refreshToken),
        rotation: 0,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        revokedAt: null,
        revokedReason: null,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        clientAddress: client.address,
      }),
      manager,
    );
    return this.tokens(userId, role, id, refreshToken, expiresAt);
  }

  private async tokens(
    userId: string,
    role: string,
    sid: string,
    refreshToken: string,
    refreshExpiresAt: Date,
  ): Promise<TokenDto> {
    const expiresIn = this.config.auth.jwtExpiresInSeconds;
    const claims: AccessTokenClaims & { role: string } = { sub: userId, sid, role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      sessionId: sid,
    };
  }

  private record(
    kind: 'logout' | 'logout_all' | 'session_revoked',
    principal: Principal,
    client: ClientInfo,
    manager: EntityManager,
  ): Promise<void> {
    return this.events.record(
      { kind, outcome: 'success', userId: principal.userId, username: principal.username, client },
      manager,
    );
  }
}

function invalidRefresh(): DomainError {
  return new DomainError(
    'REFRESH_TOKEN_INVALID',
    'The refresh token is invalid, expired or revoked; log in again',
  );
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
