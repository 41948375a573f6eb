import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './principal';
import type { EvaluatorType, Role } from './role';
import { Clock } from '../time/clock';
import { UserEntity } from './user.entity';

/** The columns {@link UsersRepository.findPrincipal} and `findActor` select. */
interface PrincipalRow {
  id: string;
  username: string;
  role: Principal['role'];
  area_id: string | null;
  area_path: string | null;
  provider_id: string | null;
  is_org_admin: boolean;
  access_until: Date | null;
}

function toPrincipal(row: PrincipalRow): Principal {
  return {
    userId: row.id,
    username: row.username,
    role: row.role,
    areaId: row.area_id,
    areaPath: row.area_path,
    // A contracted worker's organization is their affiliation, not an organization they act
    // as: provider-only branches (`principal.providerId`) must not take them for a provider.
    providerId: row.role === 'provider' ? row.provider_id : null,
    isOrgAdmin: row.is_org_admin,
    ...(row.role !== 'provider' && row.provider_id
      ? { affiliationId: row.provider_id, accessUntil: row.access_until }
      : {}),
  };
}

/** The columns of a principal, and the rule that an account past its `access_until` is off. */
const PRINCIPAL_COLUMNS = `u.id, u.username, u.role, u.area_id, a.path AS area_path, u.provider_id,
              u.is_org_admin, u.access_until`;
const LIVE = (nowParam: string) =>
  `u.active AND (u.access_until IS NULL OR u.access_until > ${nowParam})`;

@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

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
      .andWhere(LIVE(':now'), { now: this.clock.now() })
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
      .andWhere(LIVE(':now'), { now: this.clock.now() })
      .getOne() as Promise<(UserEntity & { passwordHash: string }) | null>;
  }

  /**
   * The caller as guards see them, with the materialized path of their area, if the session
   * the token names is still open. One statement on every request: a deactivated user, a
   * revoked session (logout, a role or scope change, deactivation end the user's sessions in
   * the same transaction) answers nothing, and neither does an account whose `access_until`
   * has passed by the Clock (a contracted worker whose contract ended). `user_session` belongs to the accounts lib; the
   * guard reads it here, by SQL, because every request passes through this one query.
   */
  async findPrincipal(userId: string, sessionId: string): Promise<Principal | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT ${PRINCIPAL_COLUMNS}
         FROM app_user u
         JOIN user_session s ON s.user_id = u.id AND s.id = $2 AND s.revoked_at IS NULL
         LEFT JOIN area a ON a.id = u.area_id
        WHERE u.id = $1 AND ${LIVE('$3')}`,
      [userId, sessionId, this.clock.now()],
    );
    return rows[0] ? { ...toPrincipal(rows[0]), sessionId } : null;
  }

  /** A user as the principal of work done outside a request (the demo seed, the CLI). */
  async findActor(userId: string): Promise<Principal | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT ${PRINCIPAL_COLUMNS}
         FROM app_user u LEFT JOIN area a ON a.id = u.area_id
        WHERE u.id = $1 AND ${LIVE('$2')}`,
      [userId, this.clock.now()],
    );
    return rows[0] ? toPrincipal(rows[0]) : null;
  }

  /** Insert or update by username, resetting the password (the demo seed and tests). */
  async upsert(
    user: Pick<UserEntity, 'username' | 'displayName' | 'role' | 'areaId' | 'providerId'> & {
      passwordHash: string;
      isOrgAdmin?: boolean;
      evaluatorType?: EvaluatorType | null;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, area_id, provider_id,
                             is_org_admin, evaluator_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (lower(username)) DO UPDATE
         SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
             password_hash = EXCLUDED.password_hash, active = true,
             area_id = EXCLUDED.area_id, provider_id = COALESCE(EXCLUDED.provider_id, app_user.provider_id),
             is_org_admin = EXCLUDED.is_org_admin, evaluator_type = EXCLUDED.evaluator_type,
             updated_at = now(), version = app_user.version + 1
       RETURNING id`,
      [
        user.username,
        user.displayName,
        user.passwordHash,
        user.role,
        user.areaId,
        user.providerId,
        user.isOrgAdmin ?? false,
        user.evaluatorType ?? null,
      ],
    );
    return rows[0].id;
  }
}
