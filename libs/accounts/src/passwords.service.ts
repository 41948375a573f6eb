import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  Clock,
  DomainError,
  hashPassword,
  MailQueueProducer,
  type Principal,
  TransactionRunner,
  verifyPassword,
} from '@onedoor/platform';
import { type ClientInfo, LoginEventsService } from './login-events.service';
import { assertStrongPassword } from './password-policy';
import { digestOf, randomSecret } from './secret-token.util';
import { SetPasswordTokenEntity } from './set-password-token.entity';
import { SetPasswordTokensRepository } from './set-password-tokens.repository';
import { UserAccountsRepository } from './user-accounts.repository';

/** How long a set-password token works after it is issued. */
export const SET_PASSWORD_TOKEN_HOURS = 24;

export interface IssuedSetPasswordToken {
  token: string;
  expiresAt: Date;
}

/** Passwords: change one's own, set one with a one-time token, and issue such tokens. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UserAccountsRepository,
    private readonly tokens: SetPasswordTokensRepository,
    private readonly events: LoginEventsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly mail: MailQueueProducer,
  ) {}

  /**
   * A one-time set-password token for the user, valid {@link SET_PASSWORD_TOKEN_HOURS} hours by
   * the Clock, inside the caller's transaction; an earlier unused one stops working. Only its
   * digest is stored: the token is returned once, for the issuer to hand over.
   */
  async issueToken(
    userId: string,
    issuedBy: string | null,
    manager: EntityManager,
  ): Promise<IssuedSetPasswordToken> {
    const now = this.clock.now();
    const token = randomSecret();
    const expiresAt = new Date(now.getTime() + SET_PASSWORD_TOKEN_HOURS * 3_600_000);
    await this.tokens.replace(
      Object.assign(new SetPasswordTokenEntity(), {
        id: randomUUID(),
        userId,
        tokenHash: digestOf(token),
        createdBy: issuedBy,
        createdAt: now,
        expiresAt,
        usedAt: null,
      }),
      manager,
    );
    // Also to the account's own e-mail address, when SMTP is configured (issue 18).
    await this.mail.sendSetPasswordToken(userId, token, expiresAt);
    return { token, expiresAt };
  }

  /** No login: the token is the credential. Used, replaced, expired or unknown: 410. */
  async setWithToken(token: string, password: string, client: ClientInfo): Promise<void> {
    const tokenHash = digestOf(token);
    await this.tx.run(async (manager) => {
      const now = this.clock.now();
      const found = await this.tokens.findForUpdate(tokenHash, manager);
      const user = found ? await this.users.find(found.userId, manager, true) : null;
      if (!found || found.usedAt || found.expiresAt <= now || !user?.active) {
        throw new DomainError(
          'SET_PASSWORD_TOKEN_GONE',
          'This set-password link was already used or has expired; ask for a new one',
        );
      }
      assertStrongPassword(password, [user.username, user.displayName]);
      await this.users.update(user.id, { passwordHash: await hashPassword(password) }, manager);
      await this.tokens.markUsed(found.id, now, manager);
      await this.audit.record(manager, {
        entityType: 'user',
        entityId: user.id,
        action: 'password_set',
        actor: { userId: user.id, role: user.role },
        areaPath: user.areaPath,
      });
      await this.events.record(
        {
          kind: 'password_set',
          outcome: 'success',
          userId: user.id,
          username: user.username,
          client,
        },
        manager,
      );
    });
  }

  /** The caller's own password; the current one is required. */
  async change(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<void> {
    const hash = await this.users.passwordHashOf(principal.userId);
    if (!(await verifyPassword(hash ?? undefined, currentPassword))) {
      await this.events.record({
        kind: 'password_change',
        outcome: 'failure',
        userId: principal.userId,
        username: principal.username,
        client,
      });
      throw new DomainError('CURRENT_PASSWORD_WRONG', 'The current password is wrong');
    }
    await this.tx.run(async (manager) => {
      const user = await this.users.find(principal.userId, manager, true);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
      assertStrongPassword(newPassword, [user.username, user.displayName, currentPassword]);
      await this.users.update(user.id, { passwordHash: await hashPassword(newPassword) }, manager);
      await this.audit.record(manager, {
        entityType: 'user',
        entityId: user.id,
        action: 'password_change',
        actor: principal,
        areaPath: user.areaPath,
      });
      await this.events.record(
        {
          kind: 'password_change',
          outcome: 'success',
          userId: user.id,
          username: user.username,
          client,
        },
        manager,
      );
    });
  }
}
