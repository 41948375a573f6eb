import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { childPath, idsOnPath } from '@onedoor/areas';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  jobIds,
  MatchingQueueProducer,
  todayInChina,
  TransactionRunner,
} from '@onedoor/platform';
import {
  DEFAULT_WEIGHTS,
  proposeMatches,
  type MatchResource,
  type NeedResult,
  type Weights,
} from './engine/match-engine';
import { type MatchInput, MatchRunRepository } from './match-run.repository';

export interface MatchRunSummary {
  householdId: string;
  needs: number;
  proposals: number;
  unmet: number;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the coverage paths that contain the area. */
function ancestorPaths(path: string): string[] {
  const paths: string[] = [];
  for (const id of idsOnPath(path)) paths.push(childPath(paths.at(-1) ?? null, id));
  return paths;
}

/**
 * Runs a household's matching: load, propose with the pure engine, persist in one transaction.
 *
 * One job per household keeps ids, priorities and retries per household, but a run's cost is
 * mostly round trips (three rounds of reads, one transaction). So runs are gathered with DataLoader:
 * households whose jobs arrive while the batches in flight are busy are matched together
 * (one read of each kind, one transaction, one multi-row insert). On an idle system a job
 * finds a free slot and runs alone at once; under load batches fill up to MATCH_BATCH_SIZE.
 */
@Injectable()
export class MatchRunService implements OnApplicationShutdown {
  private readonly logger = new Logger(MatchRunService.name);
  private readonly weights: Weights;
  /** Totals since start, logged at shutdown (the matcher benchmark reads them). */
  private readonly totals = { households: 0, batches: 0, proposals: 0, persistMs: 0 };
  private persisting = 0;
  private persistingSince = 0;
  private readonly loader: DataLoader<string, MatchRunSummary>;
  private busySlots = 0;
  private readonly waitingBatches: Array<() => void> = [];

  constructor(
    private readonly repo: MatchRunRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly queue: MatchingQueueProducer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.weights = { ...DEFAULT_WEIGHTS, ...config.matching.weights } as Weights;
    this.loader = new DataLoader((ids) => this.runBatch(ids), {
      cache: false,
      maxBatchSize: config.matching.batchSize,
      batchScheduleFn: (dispatch) => this.whenSlotFree(dispatch),
    });
  }

  /** Matches the household's open needs (its run may be batched with others'). */
  run(householdId: string): Promise<MatchRunSummary> {
    return this.loader.load(householdId);
  }

  onApplicationShutdown(): void {
    if (this.totals.households === 0) return;
    // persistMs is wall time with at least one batch writing, so rows / persistMs is the
    // persistence throughput however many batches overlapped.
    this.logger.log({ matchingTotals: this.totals }, 'matching totals since start');
  }

  private whenSlotFree(dispatch: () => void): void {
    if (this.busySlots < this.config.matching.batchesInFlight) {
      this.busySlots += 1;
      // setImmediate: jobs arriving in the same turn of the event loop join this batch.
      setImmediate(dispatch);
    } else {
      this.waitingBatches.push(dispatch);
    }
  }

  private releaseSlot(): void {
    const next = this.waitingBatches.shift();
    if (next)
      setImmediate(next); // the slot passes to the next batch
    else this.busySlots -= 1;
  }

  /**
   * A batch that fails is retried one household at a time, so one household's bad data
   * fails its own job only, not those of the households it happened to be batched with.
   */
  private async runBatch(ids: readonly string[]): Promise<Array<MatchRunSummary | Error>> {
    try {
      const summaries = await this.matchMany([...new Set(ids)]);
      return ids.map((id) => summaries.get(id)!);
    } catch (error) {
      if (ids.length === 1) return [error as Error];
      // One at a time: each run holds a transaction's connection while its reads take others
      // from the pool, so fifty retries at once could hold every connection and wait for ever.
      const results: Array<MatchRunSummary | Error> = [];
      for (const id of ids)
        results.push(
          await this.matchMany([id]).then(
            (s) => s.get(id)!,
            (e: Error) => e,
          ),
        );
      return results;
    } finally {
      this.releaseSlot();
    }
  }

  /** Fans a newly available resource out to the households it may serve, in addBulk batches. */
  async rematchResource(resourceId: string, cause: string): Promise<number> {
    const households = await this.repo.householdsForResource(resourceId);
    return this.queue.enqueueHouseholdMatches(
      households.map((h) => ({
        ...h,
        jobId: jobIds.matchHouseholdFor(h.householdId, resourceId, cause),
      })),
    );
  }

  /**
   * Redis holds queues only: needs that were never matched get their household's job again
   * (the usual id, so a job still pending is not doubled). Runs at matcher start and on a schedule.
   */
  async reconcile(): Promise<number> {
    const households = await this.repo.unmatchedHouseholds();
    return this.queue.enqueueHouseholdMatches(
      households.map((h) => ({
        ...h,
        jobId: jobIds.matchHousehold(h.householdId, h.assessmentId),
      })),
    );
  }

  /**
   * After Redis lost its data (the matcher found every schedule gone): every household with
   * open needs is matched again, not only those never looked at, because the lost jobs include
   * the fan-outs of new or released supply to households already matched once. Paged, so a
   * large backlog is queued 10,000 households at a time.
   */
  async requeueAllOpen(): Promise<number> {
    let queued = 0;
    for (let after: string | null = null; ;) {
      const page = await this.repo.householdsWithOpenNeedsAfter(after, 10_000);
      if (page.length === 0) return queued;
      queued += await this.queue.enqueueHouseholdMatches(
        page.map((h) => ({ ...h, jobId: jobIds.matchHouseholdRecovery(h.householdId, h.stamp) })),
      );
      after = page.at(-1)!.householdId;
    }
  }

  /**
   * One transaction per batch, opened first: it takes each household's matching lock
   * (`MatchRunRepository.lockForMatching`) before anything is read, and holds it to the commit.
   * So two runs for one household, in two matcher processes (or two batches of one), never
   * overlap: the second waits, then reads what the first committed. The reads themselves go
   * through the pool, side by side, as before; only the writes use the transaction.
   */
  private matchMany(householdIds: string[]): Promise<Map<string, MatchRunSummary>> {
    return this.tx.run(async (manager) => {
      await this.repo.lockForMatching(manager, householdIds);
      return this.matchLocked(manager, householdIds);
    });
  }

  private async matchLocked(
    manager: EntityManager,
    householdIds: string[],
  ): Promise<Map<string, MatchRunSummary>> {
    const summaries = new Map<string, MatchRunSummary>(
      householdIds.map((householdId) => [
        householdId,
        { householdId, needs: 0, proposals: 0, unmet: 0 },
      ]),
    );
    const inputs = [...(await this.repo.loadInputs(householdIds)).values()].filter(
      (i) => i.needs.length > 0,
    );
    if (inputs.length === 0) return summaries;
    const categories = [...new Set(inputs.flatMap((i) => i.needs.map((n) => n.categoryCode)))];
    const areaIds = [...new Set(inputs.flatMap((i) => idsOnPath(i.household.areaPath)))];
    const [resources, supplied, histories, stackingRules] = await Promise.all([
      this.repo.candidates(categories, areaIds),
      this.repo.suppliedCategories(categories),
      this.repo.histories(
        inputs.map((i) => i.household.id),
        this.clock.now(),
      ),
      this.repo.stackingRules(),
    ]);
    const byCoverage = new Map<string, MatchResource[]>();
    for (const r of resources) {
      const list = byCoverage.get(r.coveragePath) ?? [];
      list.push(r);
      byCoverage.set(r.coveragePath, list);
    }
    const options = {
      topK: this.config.matching.topK,
      weights: this.weights,
      today: todayInChina(this.clock.now()),
      categoriesWithSupply: supplied,
      stackingRules,
    };
    const runs: Array<{ input: MatchInput; results: NeedResult[] }> = inputs.map((input) => {
      const wanted = new Set(input.needs.map((n) => n.categoryCode));
      // In a fixed order (the area's levels from the top, each by id as the query sorts them)
      // without sorting each household's list: the engine's ranking is a total order, and the
      // why-not view sorts by resource.
      const candidates = ancestorPaths(input.household.areaPath)
        .flatMap((path) => byCoverage.get(path) ?? [])
        .filter((r) => wanted.has(r.categoryCode));
      const history = histories.get(input.household.id)!;
      return {
        input,
        results: proposeMatches(input.household, input.needs, candidates, history, options),
      };
    });
    if (this.persisting++ === 0) this.persistingSince = performance.now();
    try {
      await this.persistRuns(manager, runs);
    } finally {
      if (--this.persisting === 0)
        this.totals.persistMs += performance.now() - this.persistingSince;
    }
    this.totals.batches += 1;
    this.totals.households += runs.length;
    for (const { input, results } of runs) {
      const proposals = results.reduce((s, r) => s + r.proposals.length, 0);
      this.totals.proposals += proposals;
      summaries.set(input.household.id, {
        householdId: input.household.id,
        needs: results.length,
        proposals,
        unmet: results.filter((r) => r.unmet).length,
      });
    }
    return summaries;
  }

  /** In the batch's transaction: proposals, superseded ones, need states and their audit rows. */
  private async persistRuns(
    manager: EntityManager,
    runs: Array<{ input: MatchInput; results: NeedResult[] }>,
  ): Promise<void> {
    const changed = await this.repo.persist(
      manager,
      runs,
      this.clock.now(),
      this.config.staffSla.approvalHours,
    );
    const pathOf = new Map(runs.map((r) => [r.input.household.id, r.input.household.areaPath]));
    await this.audit.recordMany(
      manager,
      changed.map((c) => ({
        entityType: 'need',
        entityId: c.id,
        action: 'match',
        actor: null,
        fromState: c.from,
        toState: c.to,
        areaPath: pathOf.get(c.householdId),
      })),
    );
  }
}
