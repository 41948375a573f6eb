import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import { ProvidersRepository } from '@onedoor/resources';
import {
  AuditService,
  DomainError,
  ForbiddenError,
  hashPassword,
  isUniqueViolation,
  type Page,
  PiiCipher,
  type Principal,
  StaleVersionError,
  toPage,
  TransactionRunner,
} from '@onedoor/platform';
import { type AccountPlace, accountRuleOf, mayManage } from './account-rules';
import type { MeDto } from './dto/auth.dto';
import type {
  CreatedUserDto,
  CreateUserDto,
  UpdateUserDto,
  UserDto,
  UserQueryDto,
} from './dto/users.dto';
import { PasswordsService } from './passwords.service';
import { ContractedWorkersService } from './contracted-workers.service';
import { SessionsService } from './sessions.service';
import { type UserAccount, UserAccountsRepository } from './user-accounts.repository';
import { checkAccountShape, type AccountFields } from './account-shape';
import { toUserDto } from './user.mapper';
import { assertNotLastAdmin, findManaged } from './managed-account';
import { assertStrongPassword } from './password-policy';

/** Who does it: a person, or the system (the CLI's first admin, an approved application). */
export type AccountActor = Principal | null;

export type NewAccount = AccountFields & {
  username: string;
  displayName: string;
  phone?: string | null;
  email?: string | null;
};

/** The fields whose change ends the user's sessions: their reach changes. */
const REACH_FIELDS = ['role', 'areaId', 'providerId', 'isOrgAdmin'] as const;

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserAccountsRepository,
    private readonly areas: AreasRepository,
    private readonly providers: ProvidersRepository,
    private readonly sessions: SessionsService,
    private readonly contracted: ContractedWorkersService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
  ) {}

  async create(dto: CreateUserDto, actor: Principal): Promise<CreatedUserDto> {
    // An organization admin's new colleagues belong to the same organization by default.
    const fields: NewAccount = {
      ...dto,
      areaId: dto.areaId ?? (actor.isOrgAdmin && dto.role === 'provider' ? actor.areaId : null),
      providerId:
        dto.providerId ?? (actor.isOrgAdmin && dto.role === 'provider' ? actor.providerId : null),
      isOrgAdmin: dto.isOrgAdmin ?? false,
      evaluatorType: dto.evaluatorType ?? null,
      contractId: dto.contractId ?? null,
    };
    return this.withUniqueUsername(dto.username, () =>
      this.tx.run(async (manager) => {
        const { userId, token } = await this.insertAccount(fields, actor, manager);
        const created = (await this.users.find(userId, manager))!;
        return {
          ...toUserDto(created, this.pii, true),
          setPasswordToken: token!.token,
          setPasswordTokenExpiresAt: token!.expiresAt.toISOString(),
        };
      }),
    );
  }

  /**
   * Inserts an account, audited, in the caller's transaction: without a password and with a
   * one-time set-password token (the owner sets their own), or with `passwordHash` (the CLI's
   * first admin) and no token. With a person as actor, the permission table applies (403
   * otherwise); with the system (null) it does not: the caller decided (the CLI, an approved
   * organization application creating its first admin with `isOrgAdmin`). A duplicate username
   * throws the unique violation: wrap the transaction with {@link withUniqueUsername}.
   */
  async insertAccount(
    given: NewAccount,
    actor: AccountActor,
    manager: EntityManager,
    passwordHash: string | null = null,
  ): Promise<{ userId: string; token: { token: string; expiresAt: Date } | null }> {
    let fields = given;
    // A role above one's reach is refused before the fields are looked at: 403, not 400.
    if (actor && !accountRuleOf(actor)?.roles.includes(fields.role)) {
      throw new ForbiddenError('You may not create an account of this role');
    }
    // A contracted worker: the organization is the contract's (an organization admin's own),
    // access ends with it, and the area lies within its area.
    const contract =
      fields.role === 'assessor' && fields.contractId
        ? await this.contracted.liveContract(fields.contractId, actor, manager)
        : null;
    if (contract) fields = { ...fields, providerId: contract.providerId };
    else if (actor?.role === 'provider' && fields.role === 'assessor') {
      throw new DomainError('USER_FIELDS_INVALID', 'A contracted worker needs a contract', [
        {
          field: 'contractId',
          constraint: 'accountShape',
          params: { problem: 'contractRequired' },
          message: 'an organization’s assessor works under a contract',
        },
      ]);
    }
    checkAccountShape(fields);
    const place = await this.placeOf(fields, actor, manager);
    if (actor && !mayManage(actor, place)) {
      throw new ForbiddenError('You may not create an account of this role or in this place');
    }
    if (contract) this.contracted.assertInContractArea(contract, place.areaPath);
    const userId = await this.users.insert(
      {
        username: fields.username,
        displayName: fields.displayName,
        passwordHash,
        role: fields.role,
        areaId: fields.areaId,
        providerId: fields.providerId,
        isOrgAdmin: fields.isOrgAdmin,
        evaluatorType: fields.evaluatorType,
        contractId: contract?.id ?? null,
        accessUntil: contract?.accessUntil ?? null,
        phoneEnc: fields.phone ? this.pii.encrypt(fields.phone) : null,
        emailEnc: fields.email ? this.pii.encrypt(fields.email) : null,
      },
      manager,
    );
    const token = passwordHash
      ? null
      : await this.passwords.issueToken(userId, actor?.userId ?? null, manager);
    await this.audit.record(manager, {
      entityType: 'user',
      entityId: userId,
      action: 'create',
      actor,
      toState: 'active',
      data: {
        after: {
          ...publicFields(fields),
          ...(contract
            ? { contractId: contract.id, accessUntil: contract.accessUntil.toISOString() }
            : {}),
        },
        phoneSet: !!fields.phone,
        emailSet: !!fields.email,
        passwordSet: !!passwordHash,
      },
      areaPath: place.areaPath,
    });
    return { userId, token };
  }

  /**
   * An account made by the system with the password given (`npm run user:create`): the
   * strength rule applies, the permission table does not (whoever runs the command holds the
   * database). Answers the new user's id.
   */
  async createWithPassword(fields: NewAccount, password: string): Promise<string> {
    checkAccountShape(fields);
    assertStrongPassword(password, [fields.username, fields.displayName]);
    const passwordHash = await hashPassword(password);
    return this.withUniqueUsername(fields.username, () =>
      this.tx.run(
        async (manager) => (await this.insertAccount(fields, null, manager, passwordHash)).userId,
      ),
    );
  }

  /** Runs `work`, answering 409 USERNAME_TAKEN if it hit the unique username index. */
  async withUniqueUsername<T>(username: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('USERNAME_TAKEN', `The username ${username} is already taken`);
      }
      throw error;
    }
  }

  async list(query: UserQueryDto, actor: Principal): Promise<Page<UserDto>> {
    return toPage(await this.users.list(query, actor), query, (u) => toUserDto(u, this.pii));
  }

  async get(id: string, actor: Principal): Promise<UserDto> {
    return toUserDto(await this.managed(id, actor), this.pii, true);
  }

  async me(principal: Principal): Promise<MeDto> {
    const user = await this.users.find(principal.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      areaId: user.areaId,
      // A contracted worker acts as an assessor, not as their organization (see Principal).
      providerId: principal.providerId,
      affiliationId: principal.affiliationId ?? null,
      accessUntil: user.accessUntil?.toISOString() ?? null,
      isOrgAdmin: user.isOrgAdmin,
      evaluatorType: user.evaluatorType,
      sessionId: principal.sessionId!,
    };
  }

  async update(id: string, dto: UpdateUserDto, actor: Principal): Promise<UserDto> {
    return this.tx.run(async (manager) => {
      // Admins first, then the user: the lock order of every change that may remove an admin.
      const admins = await this.users.lockActiveAdmins(manager);
      const before = await this.managed(id, actor, manager);
      if (dto.version !== before.version)
        throw new StaleVersionError('User', dto.version, before.version);
      const after: AccountFields = {
        role: dto.role ?? before.role,
        areaId: dto.areaId !== undefined ? dto.areaId : before.areaId,
        providerId: dto.providerId !== undefined ? dto.providerId : before.providerId,
        isOrgAdmin: dto.isOrgAdmin ?? before.isOrgAdmin,
        evaluatorType: dto.evaluatorType !== undefined ? dto.evaluatorType : before.evaluatorType,
        // A contracted worker stays under their contract: its organization, role and area.
        contractId: before.contractId,
      };
      const reachChanged = REACH_FIELDS.filter((f) => after[f] !== before[f]);
      if (reachChanged.length && id === actor.userId) {
        throw new ForbiddenError('You may not change your own role, scope or organization');
      }
      checkAccountShape(after);
      const place = await this.placeOf(after, actor, manager);
      if (!mayManage(actor, place)) {
        throw new ForbiddenError('You may not give this account that role or place');
      }
      if (
        before.contractId &&
        (after.areaId !== before.areaId || after.providerId !== before.providerId)
      ) {
        const contract = await this.contracted.contractOf(before.contractId, manager);
        if (after.providerId !== contract.providerId) {
          throw new ForbiddenError("A contracted worker stays with their contract's organization");
        }
        this.contracted.assertInContractArea(contract, place.areaPath);
      }
      if (before.role === 'admin' && after.role !== 'admin' && before.active) {
        assertNotLastAdmin(admins, id);
      }
      const changes = {
        ...after,
        ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}),
        ...(dto.phone !== undefined
          ? { phoneEnc: dto.phone ? this.pii.encrypt(dto.phone) : null }
          : {}),
        ...(dto.email !== undefined
          ? { emailEnc: dto.email ? this.pii.encrypt(dto.email) : null }
          : {}),
      };
      await this.users.update(id, changes, manager);
      if (reachChanged.length) await this.sessions.endAllOf(id, 'role_or_scope_changed', manager);
      const beforePublic = publicFields(before);
      const afterPublic = publicFields({
        ...before,
        ...after,
        displayName: dto.displayName ?? before.displayName,
      });
      const changed = Object.keys(afterPublic).filter(
        (k) =>
          afterPublic[k as keyof typeof afterPublic] !==
          beforePublic[k as keyof typeof beforePublic],
      );
      await this.audit.record(manager, {
        entityType: 'user',
        entityId: id,
        action: 'update',
        actor,
        data: {
          changed,
          before: pick(beforePublic, changed),
          after: pick(afterPublic, changed),
          // Personal data: whether it changed, never its value.
          ...(dto.phone !== undefined ? { phoneChanged: true } : {}),
          ...(dto.email !== undefined ? { emailChanged: true } : {}),
        },
        areaPath: place.areaPath,
      });
      return toUserDto((await this.users.find(id, manager))!, this.pii, true);
    });
  }

  private managed(id: string, actor: Principal, manager?: EntityManager): Promise<UserAccount> {
    return findManaged(this.users, id, actor, manager);
  }

  /**
   * The area path of the account's place, checking its area and organization exist. For a
   * person who is not admin, an unknown area or organization is refused like a foreign one
   * (403), so that probing cannot tell them apart.
   */
  private async placeOf(
    fields: AccountFields,
    actor: AccountActor,
    manager: EntityManager,
  ): Promise<AccountPlace> {
    const refuse = (what: string) =>
      actor && actor.role !== 'admin'
        ? new ForbiddenError('You may not create an account of this role or in this place')
        : new DomainError('USER_FIELDS_INVALID', `${what} not found`, [
            what === 'Area'
              ? { field: 'areaId', constraint: 'unknownArea', message: 'Area not found' }
              : {
                  field: 'providerId',
                  constraint: 'unknownProvider',
                  message: 'Provider not found',
                },
          ]);
    let areaPath: string | null = null;
    if (fields.areaId) {
      const area = await this.areas.findById(fields.areaId, manager);
      if (!area) throw refuse('Area');
      areaPath = area.path;
    }
    if (fields.providerId && !(await this.providers.findById(fields.providerId, manager))) {
      throw refuse('Provider');
    }
    return { role: fields.role, areaPath, providerId: fields.providerId };
  }
}

/** The fields an audit row may show (no password, no personal data). */
function publicFields(u: AccountFields & { displayName?: string; username?: string }) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    areaId: u.areaId,
    providerId: u.providerId,
    isOrgAdmin: u.isOrgAdmin,
    evaluatorType: u.evaluatorType,
  };
}

function pick<T extends object>(o: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k))) as Partial<T>;
}
