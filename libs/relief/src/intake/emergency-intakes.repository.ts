import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAreaScope, pageOffset, type PageQueryDto, type Principal } from '@onedoor/platform';
import { ReliefIntakeEntity, ReliefIntakeFileEntity } from './relief-intake.entity';

/** An intake as its reads show it: with its community's name and its head's name. */
export interface IntakeRow extends ReliefIntakeEntity {
  communityName: string;
  communityPath: string;
  followUpId: string | null;
  followUpStatus: string | null;
  followUpDueAt: Date | null;
}

/**
 * The intake records, their files and follow-ups (this lib's tables). Scope is the intake's
 * community, joined to `area` in the page's statement (the allowed join).
 */
@Injectable()
export class EmergencyIntakesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: Partial<ReliefIntakeEntity>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(ReliefIntakeEntity).insert(row as never);
    return result.identifiers[0].id as string;
  }

  private scoped(principal: Principal) {
    const qb = this.dataSource
      .getRepository(ReliefIntakeEntity)
      .createQueryBuilder('i')
      .innerJoin('i.community', 'community')
      .leftJoin('relief_follow_up', 'f', 'f.intake_id = i.id')
      .select('i')
      .addSelect('community.name', 'communityName')
      .addSelect('community.path', 'communityPath')
      .addSelect('f.id', 'followUpId')
      .addSelect('f.status', 'followUpStatus')
      .addSelect('f.due_at', 'followUpDueAt');
    return applyAreaScope(qb, 'community.path', principal);
  }

  private async rows(qb: ReturnType<EmergencyIntakesRepository['scoped']>): Promise<IntakeRow[]> {
    const { entities, raw } = await qb.getRawAndEntities();
    return entities.map((e, i) => ({
      ...e,
      communityName: raw[i].communityName,
      communityPath: raw[i].communityPath,
      followUpId: raw[i].followUpId,
      followUpStatus: raw[i].followUpStatus,
      followUpDueAt: raw[i].followUpDueAt,
    }));
  }

  async findVisible(id: string, principal: Principal): Promise<IntakeRow | null> {
    const [row] = await this.rows(this.scoped(principal).andWhere('i.id = :id', { id }));
    return row ?? null;
  }

  /** Newest first. */
  async list(
    filter: { householdId?: string },
    query: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: IntakeRow[]; total: number }> {
    const qb = this.scoped(principal);
    if (filter.householdId) qb.andWhere('i.household_id = :hid', { hid: filter.householdId });
    const total = await qb.clone().getCount();
    const rows = await this.rows(
      qb
        .orderBy('i.registered_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .offset(pageOffset(query))
        .limit(query.limit),
    );
    return { rows, total };
  }

  async linkFile(manager: EntityManager, intakeId: string, fileId: string): Promise<void> {
    await manager.getRepository(ReliefIntakeFileEntity).insert({ intakeId, fileId });
  }

  async fileIdsOf(intakeIds: string[]): Promise<Map<string, string[]>> {
    const byIntake = new Map<string, string[]>();
    if (intakeIds.length === 0) return byIntake;
    const rows: Array<{ intakeId: string; fileId: string }> = await this.dataSource.query(
      `SELECT intake_id AS "intakeId", file_id AS "fileId" FROM relief_intake_file
        WHERE intake_id = ANY($1) ORDER BY created_at, file_id`,
      [intakeIds],
    );
    for (const r of rows) byIntake.set(r.intakeId, [...(byIntake.get(r.intakeId) ?? []), r.fileId]);
    return byIntake;
  }

  /** A lead's area path, or null when there is no such lead. */
  async leadPath(leadId: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(`SELECT area_path AS path FROM lead WHERE id = $1`, [leadId]);
    return row?.path ?? null;
  }
}
