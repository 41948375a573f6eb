import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UserSessionEntity } from './user-session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserSessionEntity);
  }

  async insert(session: Omit<UserSessionEntity, 'user'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(session);
  }

  /** The session, row-locked: concurrent refreshes of one session run one after the other. */
  findForUpdate(id: string, manager: EntityManager): Promise<UserSessionEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async rotate(
    id: string,
    refreshHash: string,
    rotation: number,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, { refreshHash, rotation, lastUsedAt: now });
  }

  /** Ends one session of the user (null: it was not theirs or already ended). */
  async revoke(
    id: string,
    userId: string,
    reason: string,
    now: Date,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: now, revokedReason: reason })
      .where('id = :id AND user_id = :userId AND revoked_at IS NULL', { id, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of the user; the count ended. */
  async revokeAllOf(
    userId: string,
    reason: string,
    now: Date,
    manager?: EntityManager,
  ): Promise<number> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: now, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /** The user's sessions still open and unexpired, newest first. */
  listOpen(userId: string, now: Date): Promise<UserSessionEntity[]> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > :now', {
        userId,
        now,
      })
      .orderBy('s.created_at', 'DESC')
      .take(100)
      .getMany();
  }
}
