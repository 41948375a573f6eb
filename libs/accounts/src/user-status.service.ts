import { Injectable } from '@nestjs/common';
import {
  AuditService,
  ForbiddenError,
  PiiCipher,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import type { SetPasswordTokenDto } from './dto/auth.dto';
import type { UserDto } from './dto/users.dto';
import { LoginEventsService } from './login-events.service';
import { assertNotLastAdmin, findManaged } from './managed-account';
import { PasswordsService } from './passwords.service';
import { SessionsService } from './sessions.service';
import { UserAccountsRepository } from './user-accounts.repository';
import { toUserDto } from './user.mapper';

/** Deactivation, reactivation and password reset of the accounts a manager may manage. */
@Injectable()
export class UserStatusService {
  constructor(
    private readonly users: UserAccountsRepository,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly events: LoginEventsService,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
  ) {}

  async deactivate(id: string, actor: Principal): Promise<UserDto> {
    if (id === actor.userId) throw new ForbiddenError('You may not deactivate your own account');
    return this.tx.run(async (manager) => {
      const admins = await this.users.lockActiveAdmins(manager);
      const user = await findManaged(this.users, id, actor, manager);
      if (user.active) {
        if (user.role === 'admin') assertNotLastAdmin(admins, id);
        await this.users.update(id, { active: false }, manager);
        await this.sessions.endAllOf(id, 'deactivated', manager);
        await this.audit.record(manager, {
          entityType: 'user',
          entityId: id,
          action: 'deactivate',
          actor,
          fromState: 'active',
          toState: 'inactive',
          areaPath: user.areaPath,
        });
      }
      return toUserDto((await this.users.find(id, manager))!, this.pii, true);
    });
  }

  async reactivate(id: string, actor: Principal): Promise<UserDto> {
    return this.tx.run(async (manager) => {
      const user = await findManaged(this.users, id, actor, manager);
      if (!user.active) {
        await this.users.update(id, { active: true }, manager);
        await this.audit.record(manager, {
          entityType: 'user',
          entityId: id,
          action: 'reactivate',
          actor,
          fromState: 'inactive',
          toState: 'active',
          areaPath: user.areaPath,
        });
      }
      return toUserDto((await this.users.find(id, manager))!, this.pii, true);
    });
  }

  /**
   * A manager resets a user's password: the old one stops working, their sessions end, and a
   * one-time set-password token is answered once, for the manager to hand over.
   */
  async resetPassword(id: string, actor: Principal): Promise<SetPasswordTokenDto> {
    if (id === actor.userId) {
      throw new ForbiddenError('Change your own password with POST /api/auth/password');
    }
    return this.tx.run(async (manager) => {
      const user = await findManaged(this.users, id, actor, manager);
      await this.users.update(id, { passwordHash: null }, manager);
      await this.sessions.endAllOf(id, 'password_reset', manager);
      const issued = await this.passwords.issueToken(id, actor.userId, manager);
      await this.audit.record(manager, {
        entityType: 'user',
        entityId: id,
        action: 'password_reset',
        actor,
        areaPath: user.areaPath,
      });
      await this.events.record(
        {
          kind: 'password_reset',
          outcome: 'success',
          userId: id,
          username: user.username,
          client: null,
        },
        manager,
      );
      return { setPasswordToken: issued.token, expiresAt: issued.expiresAt.toISOString() };
    });
  }
}
