import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { pageOffset, type Principal, UserEntity } from '@onedoor/platform';
import { accountRuleOf } from './account-rules';
import type { UserQueryDto } from './dto/users.dto';

/** A user with the materialized path of their area (the scope rules need it). */
export type UserAccount = UserEntity & { areaPath: string | null; hasPassword: boolean };

type Writable = Partial<
  Pick<
    UserEntity,
    | 'username'
    | 'displayName'
    | 'passwordHash'
    | 'role'
    | 'areaId'
    | 'providerId'
    | 'isOrgAdmin'
    | 'evaluatorType'
    | 'contractId'
    | 'accessUntil'
    | 'phoneEnc'
    | 'emailEnc'
    | 'active'
  >
>;

/**
 * The accounts lib's queries over `app_user` (the platform owns the table and its entity: every
 * process reads users; only this lib changes them, besides the demo seed's upsert).
 */
@Injectable()
export class UserAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(manager?: EntityManager): SelectQueryBuilder<UserEntity> {
    // The area join gives the scope path (a join to `area`, see docs/conventions.md).
    return (manager ?? this.dataSource.manager)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin('area', 'a', 'a.id = u.area_id')
      .addSelect('a.path', 'area_path')
      .addSelect('u.password_hash IS NOT NULL', 'has_password');
  }

  private async many(qb: SelectQueryBuilder<UserEntity>): Promise<UserAccount[]> {
    const { entities, raw } = await qb.getRawAndEntities<{
      area_path: string | null;
      has_password: boolean;
    }>();
    // One raw row per entity: the join is to one area at most.
    return entities.map((u, i) =>
      Object.assign(u, { areaPath: raw[i].area_path, hasPassword: raw[i].has_password }),
    );
  }

  /** The user by id; with `lock`, the row is locked for the caller's transaction. */
  async find(id: string, manager?: EntityManager, lock = false): Promise<UserAccount | null> {
    const qb = this.query(manager).where('u.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['u']);
    return (await this.many(qb))[0] ?? null;
  }

  /**
   * The accounts `actor` may manage, filtered and paged; the permission table applied in the
   * query (role list and reach), so rows outside it are never read.
   */
  async list(query: UserQueryDto, actor: Principal): Promise<[UserAccount[], number]> {
    const rule = accountRuleOf(actor);
    const qb = this.query()
      .orderBy('u.username', 'ASC')
      .offset(pageOffset(query))
      .limit(query.limit);
    if (!rule) qb.andWhere('1 = 0');
    else {
      qb.andWhere('u.role IN (:...manageable)', { manageable: rule.roles });
      if (rule.reach === 'own_area_subtree') {
        qb.andWhere('a.path LIKE :scopePrefix', { scopePrefix: `${actor.areaPath ?? '-'}%` });
      } else if (rule.reach === 'own_organization') {
        qb.andWhere('u.provider_id = :ownProvider', { ownProvider: actor.providerId });
      }
    }
    if (query.q) {
      // Search text is matched literally: LIKE's wildcards in it are escaped.
      qb.andWhere(`(u.username ILIKE :q ESCAPE '\\' OR u.display_name ILIKE :q ESCAPE '\\')`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.providerId)
      qb.andWhere('u.provider_id = :providerId', { providerId: query.providerId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.areaId) {
      qb.andWhere(`a.path LIKE (SELECT f.path FROM area f WHERE f.id = :areaFilter) || '%'`, {
        areaFilter: query.areaId,
      });
    }
    const [rows, total] = await Promise.all([this.many(qb), qb.getCount()]);
    return [rows, total];
  }

  async insert(values: Writable, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(UserEntity).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, values: Writable, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(UserEntity)
      .createQueryBuilder()
      .update()
      // TypeORM's update adds version + 1 and updated_at itself.
      .set(values)
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Locks the active admins' rows (in id order, so two callers never deadlock) and returns
   * their ids. Every change that could remove an admin takes this lock first: two admins
   * deactivating each other at once run one after the other, and the second sees one left.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  /** The password hash of an active user (null: none set yet), for a password change. */
  async passwordHashOf(id: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id AND u.active', { id })
      .getOne();
    return row?.passwordHash ?? null;
  }
}
