import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIVE_REFERRAL_SQL } from '@onedoor/matching';
import type { DataSource, EntityManager } from 'typeorm';
import type { HouseholdMoveDto } from './dto/move.dto';
import { HouseholdMoveEntity } from './household-move.entity';

/** Moves, and the matching rows a move touches (proposals, live referrals) by SQL. */
@Injectable()
export class MovesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    row: Partial<
      Omit<HouseholdMoveEntity, 'household' | 'fromCommunity' | 'toCommunity' | 'case' | 'byUser'>
    >,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(HouseholdMoveEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  async ofHousehold(householdId: string, id?: string): Promise<HouseholdMoveDto[]> {
    const rows: Array<Omit<HouseholdMoveDto, 'at'> & { at: Date }> = await this.dataSource.query(
      `SELECT m.id, m.household_id AS "householdId",
              m.from_community_id AS "fromCommunityId", f.name AS "fromCommunityName",
              m.to_community_id AS "toCommunityId", t.name AS "toCommunityName",
              m.case_id AS "caseId", m.from_adviser_id AS "fromAdviserId",
              m.to_adviser_id AS "toAdviserId", m.reason, m.by_user_id AS "byUserId", m.at,
              m.withdrawn_proposals AS "withdrawnProposals"
         FROM household_move m
         JOIN area f ON f.id = m.from_community_id
         JOIN area t ON t.id = m.to_community_id
        WHERE m.household_id = $1 AND ($2::uuid IS NULL OR m.id = $2::uuid)
        ORDER BY m.at DESC, m.id`,
      [householdId, id ?? null],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** The household's open or matched needs, by id (they are locked before their proposals). */
  async liveNeedIds(householdId: string, manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM need WHERE household_id = $1 AND status IN ('open', 'matched') ORDER BY id`,
      [householdId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Supersedes the household's proposals still waiting for approval whose resource does not
   * cover the community at `communityPath` (its coverage area is not on that path): the
   * matcher's own word for a proposal a later run no longer makes. Returns their ids.
   */
  async supersedeOutsideCoverage(
    householdId: string,
    communityPath: string,
    manager: EntityManager,
  ): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE match_proposal m SET status = 'superseded', updated_at = now(), version = m.version + 1
         FROM resource r JOIN area a ON a.id = r.coverage_area_id
        WHERE m.resource_id = r.id AND m.household_id = $1 AND m.status = 'proposed'
          AND left($2, length(a.path)) <> a.path
       RETURNING m.id`,
      [householdId, communityPath],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The household's live referrals (open, accepted, delivered) follow it: their area becomes the
   * new community's, so the staff there supervise them (lists, deadlines, escalations). Ended
   * referrals keep the area they were served in (history and reports as it happened). The
   * version is left alone: nothing the provider decides has changed. Returns them with their
   * providers.
   */
  async moveLiveReferrals(
    householdId: string,
    communityPath: string,
    manager: EntityManager,
  ): Promise<Array<{ id: string; providerId: string }>> {
    const [rows]: [Array<{ id: string; providerId: string }>, number] = await manager.query(
      `UPDATE referral SET area_path = $2
        WHERE household_id = $1 AND status IN ${LIVE_REFERRAL_SQL}
       RETURNING id, provider_id AS "providerId"`,
      [householdId, communityPath],
    );
    return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async markMatchEnqueued(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource
      .getRepository(HouseholdMoveEntity)
      .createQueryBuilder()
      .update()
      .set({ matchEnqueuedAt: at })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  pendingMatches(limit = 1000): Promise<Array<{ id: string; householdId: string }>> {
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId" FROM household_move
        WHERE match_enqueued_at IS NULL ORDER BY at LIMIT $1`,
      [limit],
    );
  }
}
