import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditLogRepository,
  jobIds,
  MatchingQueueProducer,
  todayInChina,
  TransactionRunner,
} from '@onedoor/platform';
import { DEFAULT_WEIGHTS, matchHousehold, type Weights } from './engine/match-engine';
import { MatchingRepository } from './matching.repository';

export interface MatchRunSummary {
  householdId: string;
  needs: number;
  proposals: number;
  unmet: number;
}

/** One matching run for a household: load, run the pure engine, persist in one transaction. */
@Injectable()
export class MatchingService {
  private readonly weights: Weights;

  constructor(
    private readonly repo: MatchingRepository,
    private readonly tx: TransactionRunner,
    private readonly auditLog: AuditLogRepository,
    private readonly queue: MatchingQueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.weights = { ...DEFAULT_WEIGHTS, ...config.matching.weights } as Weights;
  }

  /** Fans a newly available resource out to the households it may serve, in addBulk batches. */
  async rematchResource(resourceId: string, version: number): Promise<number> {
    const households = await this.repo.householdsForResource(resourceId);
    return this.queue.matchHouseholds(
      households.map((h) => ({
        ...h,
        jobId: jobIds.matchHouseholdFor(h.householdId, resourceId, version),
      })),
    );
  }

  /**
   * Redis holds queues only: needs that were never matched get their household's job again
   * (the usual id, so a job still pending is not doubled). Runs at matcher start and on a schedule.
   */
  async reconcile(): Promise<number> {
    const households = await this.repo.unmatchedHouseholds();
    return this.queue.matchHouseholds(
      households.map((h) => ({
        ...h,
        jobId: jobIds.matchHousehold(h.householdId, h.assessmentId),
      })),
    );
  }

  async matchHousehold(householdId: string): Promise<MatchRunSummary> {
    const input = await this.repo.loadInput(householdId);
    if (!input || input.needs.length === 0)
      return { householdId, needs: 0, proposals: 0, unmet: 0 };
    const categories = [...new Set(input.needs.map((n) => n.categoryCode))];
    const [resources, supplied, history] = await Promise.all([
      this.repo.candidates(categories, input.household.areaPath),
      this.repo.suppliedCategories(categories),
      this.repo.history(householdId),
    ]);
    const results = matchHousehold(input.household, input.needs, resources, history, {
      topK: this.config.matching.topK,
      weights: this.weights,
      today: todayInChina(),
      categoriesWithSupply: supplied,
    });
    await this.tx.run(async (manager) => {
      const changed = await this.repo.persist(manager, input, results);
      const areaPath = input.household.areaPath;
      await this.auditLog.insertMany(
        manager,
        changed.map((c) => ({
          entityType: 'need',
          entityId: c.id,
          action: 'match',
          actor: null,
          fromState: c.from,
          toState: c.to,
          areaPath,
        })),
      );
    });
    return {
      householdId,
      needs: results.length,
      proposals: results.reduce((s, r) => s + r.proposals.length, 0),
      unmet: results.filter((r) => r.unmet).length,
    };
  }
}
