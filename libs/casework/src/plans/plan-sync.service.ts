import { Injectable, Logger } from '@nestjs/common';
import { parentPath } from '@onedoor/areas';
import { type AuditEntry, AuditService, EventOutbox, TransactionRunner } from '@onedoor/platform';
import { PlanSyncRepository } from './plan-sync.repository';

export interface PlanSyncResult {
  actionsDone: number;
  goalsFlagged: number;
  goalsAchieved: number;
}

/**
 * Brings live plans in line with their referrals and needs (see docs/domain.md, "Plans"):
 * a referral delivered → its action done; declined or expired → its action cancelled and the
 * goal flagged for the adviser (a notice); the need fulfilled → the goal achieved. Idempotent
 * and set-based: the matcher's maintenance runs it for every plan (`sync-case-plans`), and a
 * plan's read runs it for its case first, so the page never shows a plan behind its referrals.
 * Each change is audited (entity `case_plan`, with the household and case in its data).
 */
@Injectable()
export class PlanSyncService {
  private readonly logger = new Logger(PlanSyncService.name);

  constructor(
    private readonly repo: PlanSyncRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
  ) {}

  /** One case's plans (before a read), or every live plan (the maintenance job). */
  async sync(caseId: string | null = null): Promise<PlanSyncResult> {
    const result = await this.tx.run(async (manager) => {
      const planIds = await this.repo.lockPending(manager, caseId);
      if (planIds.length === 0) return { actionsDone: 0, goalsFlagged: 0, goalsAchieved: 0 };
      await this.repo.linkReferrals(manager, planIds);
      const done = await this.repo.markDelivered(manager, planIds);
      const flagged = await this.repo.flagEnded(manager, planIds);
      const achieved = await this.repo.markAchieved(manager, planIds);
      const changed = new Set([...done, ...flagged, ...achieved].map((r) => r.planId));
      const plans = new Map(
        (await this.repo.bump(manager, [...changed])).map((p) => [p.planId, p]),
      );
      const entry = (planId: string, action: string, data: Record<string, unknown>) => {
        const plan = plans.get(planId)!;
        return {
          entityType: 'case_plan',
          entityId: planId,
          action,
          actor: null,
          data: { householdId: plan.householdId, caseId: plan.caseId, ...data },
          areaPath: plan.communityPath,
        } satisfies AuditEntry;
      };
      const entries = [
        ...done.map((r) =>
          entry(r.planId, 'action_done', { actionId: r.actionId, referralId: r.referralId }),
        ),
        ...flagged.map((r) =>
          entry(r.planId, 'goal_flagged', { goalId: r.goalId, flagReason: r.flagReason }),
        ),
        ...achieved.map((r) =>
          entry(r.planId, 'goal_achieved', { goalId: r.goalId, needId: r.needId }),
        ),
      ];
      if (entries.length > 0) await this.audit.recordMany(manager, entries);
      for (const r of flagged) {
        const plan = plans.get(r.planId)!;
        await this.outbox.emit(manager, {
          type: 'case_plan.goal_flagged',
          // About the case, whose page holds the plan (the notice links there).
          entityType: 'case',
          entityId: plan.caseId,
          areaPath: plan.communityPath,
          // The adviser; an unassigned case's street staff, who assign one.
          audience: plan.adviserId
            ? [{ userIds: [plan.adviserId] }]
            : [{ roles: ['civil_affairs'], areaPath: parentPath(plan.communityPath) }],
          // The goal's id and category, not its title: advisers' free text may hold health
          // details, which stay out of the outbox and the inbox.
          data: {
            planId: r.planId,
            householdId: plan.householdId,
            headName: plan.headName,
            goalId: r.goalId,
            categoryCode: r.category,
            flagReason: r.flagReason,
          },
          // A draft and the agreed version both hold the goal while a new version is written:
          // one referral's end for one need is one notice, however many live versions flag it.
          dedupKey: `case_plan.goal_flagged:${r.referralId}:${r.needId ?? r.category}`,
        });
      }
      return {
        actionsDone: done.length,
        goalsFlagged: flagged.length,
        goalsAchieved: achieved.length,
      };
    });
    if (caseId === null && result.actionsDone + result.goalsFlagged + result.goalsAchieved > 0)
      this.logger.log(result, 'case plans synced');
    return result;
  }
}
