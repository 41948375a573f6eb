import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { SetPasswordTokenEntity } from './set-password-token.entity';

@Injectable()
export class SetPasswordTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a new token for the user; any earlier unused one stops working. */
  async replace(
    token: Omit<SetPasswordTokenEntity, 'user'>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(SetPasswordTokenEntity);
    await repo.update({ userId: token.userId, usedAt: IsNull() }, { usedAt: token.createdAt });
    await repo.insert(token);
  }

  /** The token by its digest, row-locked, so that two uses at once cannot both succeed. */
  findForUpdate(tokenHash: string, manager: EntityManager): Promise<SetPasswordTokenEntity | null> {
    return manager
      .getRepository(SetPasswordTokenEntity)
      .createQueryBuilder('t')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async markUsed(id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(SetPasswordTokenEntity).update({ id }, { usedAt: now });
  }

  /** Tokens of a user: for tests and support, never the token itself. */
  ofUser(userId: string): Promise<SetPasswordTokenEntity[]> {
    return this.dataSource.getRepository(SetPasswordTokenEntity).findBy({ userId });
  }
}
