import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CasePlanActionEntity, CasePlanEntity, CasePlanGoalEntity } from './case-plan.entity';
import type { ActionKind, ActionStatus, GoalFlagReason, GoalStatus } from './plan.types';

/** A goal as the plan page shows it, with its need's status now. */
export interface GoalRow {
  id: string;
  planId: string;
  needId: string | null;
  needStatus: string | null;
  category: string;
  title: string;
  targetDate: string | null;
  status: GoalStatus;
  flagged: boolean;
  flagReason: GoalFlagReason | null;
  sort: number;
}

/** An action with its referral's status now. */
export interface ActionRow {
  id: string;
  goalId: string;
  kind: ActionKind;
  referralId: string | null;
  referralStatus: string | null;
  proposalId: string | null;
  description: string;
  dueDate: string | null;
  status: ActionStatus;
  sort: number;
}

/** What a generated draft starts from: one open or matched need and its referral steps. */
export interface NeedSource {
  needId: string;
  categoryCode: string;
  categoryName: string;
  steps: Array<{
    proposalId: string;
    referralId: string | null;
    referralStatus: string | null;
    resourceTitle: string;
  }>;
}

/** The plan row's relations (reads only; writes set the ids). */
type PlanRelations = 'case' | 'agreementFile' | 'attester' | 'creator';

export type NewGoal = Omit<CasePlanGoalEntity, 'id' | 'plan' | 'planId' | 'need'> & { id?: string };
export type NewAction = Omit<
  CasePlanActionEntity,
  'id' | 'goal' | 'goalId' | 'referral' | 'proposal'
> & { id?: string };

/**
 * The plan's tables, and the reads of the household's needs, proposals and referrals that a
 * plan is generated from and shown with. Those reads join matching's and households' tables
 * directly — a deliberate exception to "a lib reads only its own tables", like reporting's:
 * the plan links rows of theirs by id, and its page and its sync are one statement each over
 * both (matching may not import casework, so nothing of theirs could call in).
 */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The case's current plan (highest version), locked when asked (edits, agreement). */
  current(caseId: string, manager?: EntityManager, lock = false): Promise<CasePlanEntity | null> {
    const qb = this.m(manager)
      .getRepository(CasePlanEntity)
      .createQueryBuilder('p')
      .where('p.case_id = :caseId', { caseId })
      .orderBy('p.version', 'DESC')
      .limit(1);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Locks the case's live plans (draft and agreed) in id order, as the sync does, before an
   * agreement that writes both: taken draft first, they could deadlock against the sync.
   */
  async lockLive(caseId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT id FROM case_plan WHERE case_id = $1 AND status IN ('draft', 'agreed')
        ORDER BY id FOR UPDATE`,
      [caseId],
    );
  }

  byVersion(caseId: string, version: number): Promise<CasePlanEntity | null> {
    return this.m().getRepository(CasePlanEntity).findOneBy({ caseId, version });
  }

  versions(caseId: string): Promise<CasePlanEntity[]> {
    return this.m()
      .getRepository(CasePlanEntity)
      .find({ where: { caseId }, order: { version: 'DESC' } });
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.m().query(
      `SELECT id, display_name AS name FROM app_user WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  goals(planId: string, manager?: EntityManager): Promise<GoalRow[]> {
    return this.m(manager).query(
      `SELECT g.id, g.plan_id AS "planId", g.need_id AS "needId", n.status::text AS "needStatus",
              g.category, g.title, to_char(g.target_date, 'YYYY-MM-DD') AS "targetDate",
              g.status, g.flagged, g.flag_reason AS "flagReason", g.sort
         FROM case_plan_goal g LEFT JOIN need n ON n.id = g.need_id
        WHERE g.plan_id = $1 ORDER BY g.sort, g.id`,
      [planId],
    );
  }

  actions(planId: string, manager?: EntityManager): Promise<ActionRow[]> {
    return this.m(manager).query(
      `SELECT a.id, a.goal_id AS "goalId", a.kind, a.referral_id AS "referralId",
              r.status::text AS "referralStatus", a.proposal_id AS "proposalId", a.description,
              to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate", a.status, a.sort
         FROM case_plan_action a
         JOIN case_plan_goal g ON g.id = a.goal_id
         LEFT JOIN referral r ON r.id = a.referral_id
        WHERE g.plan_id = $1 ORDER BY a.sort, a.id`,
      [planId],
    );
  }

  /**
   * The open and matched needs of the household's latest completed assessment, each with its
   * approved proposals and their referral if one was sent (live or delivered).
   */
  async needSources(householdId: string, manager?: EntityManager): Promise<NeedSource[]> {
    const needs: Array<{ needId: string; categoryCode: string; categoryName: string }> =
      await this.m(manager).query(
        `SELECT n.id AS "needId", n.category_code AS "categoryCode", c.name_zh AS "categoryName"
           FROM need n JOIN category c ON c.code = n.category_code
          WHERE n.assessment_id = (
                  SELECT s.id FROM assessment s
                   WHERE s.household_id = $1 AND s.status = 'completed'
                   ORDER BY s.completed_at DESC LIMIT 1)
            AND n.status IN ('open', 'matched')
          ORDER BY n.severity DESC, n.created_at, n.id`,
        [householdId],
      );
    if (needs.length === 0) return [];
    const steps: Array<NeedSource['steps'][number] & { needId: string }> = await this.m(
      manager,
    ).query(
      `SELECT p.need_id AS "needId", p.id AS "proposalId", r.id AS "referralId",
              r.status::text AS "referralStatus", res.title AS "resourceTitle"
         FROM match_proposal p
         JOIN resource res ON res.id = p.resource_id
         LEFT JOIN referral r ON r.proposal_id = p.id
        WHERE p.need_id = ANY($1) AND p.status = 'approved'
          AND (r.id IS NULL OR r.status IN ('open', 'accepted', 'delivered', 'closed'))
        ORDER BY p.rank, p.id`,
      [needs.map((n) => n.needId)],
    );
    return needs.map((n) => ({ ...n, steps: steps.filter((s) => s.needId === n.needId) }));
  }

  /** Which of these ids are the household's needs, referrals and proposals. */
  async householdLinks(
    householdId: string,
    ids: { needs: string[]; referrals: string[]; proposals: string[] },
    manager: EntityManager,
  ): Promise<{ needs: Set<string>; referrals: Set<string>; proposals: Set<string> }> {
    const [[row]]: [[{ needs: string[]; referrals: string[]; proposals: string[] }]] = [
      await manager.query(
        `SELECT
           ARRAY(SELECT id FROM need WHERE household_id = $1 AND id = ANY($2)) AS needs,
           ARRAY(SELECT id FROM referral WHERE household_id = $1 AND id = ANY($3)) AS referrals,
           ARRAY(SELECT id FROM match_proposal WHERE household_id = $1 AND id = ANY($4)) AS proposals`,
        [householdId, ids.needs, ids.referrals, ids.proposals],
      ),
    ];
    return {
      needs: new Set(row.needs),
      referrals: new Set(row.referrals),
      proposals: new Set(row.proposals),
    };
  }

  async knownCategories(codes: string[], manager: EntityManager): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await manager.query(
      `SELECT code FROM category WHERE code = ANY($1)`,
      [codes],
    );
    return new Set(rows.map((r) => r.code));
  }

  async insertPlan(
    row: Omit<CasePlanEntity, PlanRelations | 'id' | 'revision'> & { revision?: number },
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(CasePlanEntity).insert(row);
    return result.identifiers[0].id as string;
  }

  async updatePlan(
    id: string,
    changes: Partial<Omit<CasePlanEntity, PlanRelations | 'id' | 'revision'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CasePlanEntity)
      .set({ ...changes, revision: () => 'revision + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Binds an uploaded signed page to the case it was uploaded to. */
  async bindFile(caseId: string, fileId: string, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO case_plan_file (case_id, file_id) VALUES ($1, $2)`, [
      caseId,
      fileId,
    ]);
  }

  /** Whether the file was uploaded to this case (only such a file may be its agreement). */
  async isCaseFile(caseId: string, fileId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query(
      `SELECT 1 FROM case_plan_file WHERE case_id = $1 AND file_id = $2`,
      [caseId, fileId],
    );
    return rows.length > 0;
  }

  /** Every earlier agreed version of the case becomes superseded (one agreed at a time). */
  async supersedeAgreed(caseId: string, exceptId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE case_plan SET status = 'superseded', revision = revision + 1
        WHERE case_id = $1 AND id <> $2 AND status = 'agreed'`,
      [caseId, exceptId],
    );
  }

  /** The draft's goals and actions replaced by these (ids kept where given). */
  async replaceContent(
    planId: string,
    goals: Array<NewGoal & { actions: NewAction[] }>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(CasePlanGoalEntity).delete({ planId });
    for (const { actions, ...goal } of goals) {
      const inserted = await manager.getRepository(CasePlanGoalEntity).insert({ ...goal, planId });
      const goalId = inserted.identifiers[0].id as string;
      if (actions.length > 0) {
        await manager
          .getRepository(CasePlanActionEntity)
          .insert(actions.map((a) => ({ ...a, goalId })));
      }
    }
  }
}
