import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './principal';
import type { Role } from './role';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Of the ids given, the active users and their roles (panels and evaluator lists). */
  async activeRoles(ids: string[]): Promise<Map<string, Role>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.role'])
      .where('u.id IN (:...ids)', { ids })
      .andWhere('u.active')
      .getMany();
    return new Map(rows.map((u) => [u.id, u.role]));
  }

  /** The user with their password hash, for login only. */
  findForLogin(username: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .andWhere('u.active')
      .getOne() as Promise<(UserEntity & { passwordHash: string }) | null>;
  }

  /** The caller as guards see them, with the materialized path of their area. */
  async findPrincipal(userId: string): Promise<Principal | null> {
    const rows: Array<{
      id: string;
      username: string;
      role: Principal['role'];
      area_id: string | null;
      area_path: string | null;
      provider_id: string | null;
    }> = await this.dataSource.query(
      `SELECT u.id, u.username, u.role, u.area_id, a.path AS area_path, u.provider_id
         FROM app_user u LEFT JOIN area a ON a.id = u.area_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      role: row.role,
      areaId: row.area_id,
      areaPath: row.area_path,
      providerId: row.provider_id,
    };
  }

  /** Insert or update by username, resetting the password (the demo seed and tests). */
  async upsert(
    user: Pick<
      UserEntity,
      'username' | 'displayName' | 'passwordHash' | 'role' | 'areaId' | 'providerId'
    >,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, area_id, provider_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (lower(username)) DO UPDATE
         SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
             password_hash = EXCLUDED.password_hash, active = true,
             area_id = EXCLUDED.area_id, provider_id = COALESCE(EXCLUDED.provider_id, app_user.provider_id),
             updated_at = now(), version = app_user.version + 1
       RETURNING id`,
      [user.username, user.displayName, user.passwordHash, user.role, user.areaId, user.providerId],
    );
    return rows[0].id;
  }
}
