import { Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  Clock,
  DomainError,
  jobIds,
  MatchingQueueProducer,
  NotFoundError,
  type Principal,
  TransactionRunner,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { NeedDto } from './dto/household.dto';
import { toNeedDto } from './household.mapper';
import { HouseholdsRepository } from './households.repository';
import { NeedGapRepository } from './need-gap.repository';
import { NeedsRepository } from './needs.repository';

/** Needs a gap may still change on: the ones matching still serves. */
const GAP_STATUSES = new Set(['open', 'matched']);

/**
 * The assessed money gap of a need (medical out-of-pocket cost, school fees, a repair):
 * complementary benefits stack on the need until their amounts reach it (docs/domain.md,
 * Money gap). Set by the staff of the household's area; the household is matched again so that
 * proposals appear for what is left.
 */
@Injectable()
export class NeedGapService {
  private readonly logger = new Logger(NeedGapService.name);

  constructor(
    private readonly gaps: NeedGapRepository,
    private readonly needs: NeedsRepository,
    private readonly households: HouseholdsRepository,
    private readonly categories: CategoriesRepository,
    private readonly matching: MatchingQueueProducer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async setGap(id: string, gapFen: number | null, actor: Principal): Promise<NeedDto> {
    const now = this.clock.now();
    const need = await this.tx.run(async (manager) => {
      const row = await this.gaps.lock(manager, id);
      // Outside the caller's area it is the same 404 as a need that does not exist.
      const household = row && (await this.households.findVisible(row.householdId, actor, manager));
      if (!row || !household) throw new NotFoundError('Need', 'NEED_NOT_FOUND');
      const category = (await this.categories.all()).find((c) => c.code === row.categoryCode);
      if (!category?.moneyGap) {
        throw new DomainError(
          'NEED_GAP_NOT_APPLICABLE',
          `Needs of category ${row.categoryCode} have no money gap`,
        );
      }
      if (!GAP_STATUSES.has(row.status)) {
        throw new DomainError('NEED_GAP_CLOSED', `The need is ${row.status}`, {
          status: row.status,
        });
      }
      await this.gaps.setGap(manager, id, gapFen, now);
      await this.audit.record(manager, {
        entityType: 'need',
        entityId: id,
        action: 'set_gap',
        actor,
        data: {
          householdId: row.householdId,
          categoryCode: row.categoryCode,
          gapFen,
          previousGapFen: row.gapFen,
        },
        areaPath: household.community!.path,
      });
      return row;
    });
    await this.enqueueMatch(need.householdId, id, need.urgency === 'emergency', now);
    const saved = (await this.needs.ofHousehold(need.householdId)).find((n) => n.id === id)!;
    return toNeedDto(saved);
  }

  /**
   * After the commit: a matching run for the new gap. A job lost here is not retried by a sweep
   * of its own; the need stays served by its current proposals and the next run of the
   * household (a check-in, new supply, a referral's end, Redis recovery) sees the new gap.
   */
  private async enqueueMatch(
    householdId: string,
    needId: string,
    emergency: boolean,
    changedAt: Date,
  ): Promise<void> {
    try {
      await this.matching.enqueueHouseholdMatches([
        {
          householdId,
          emergency,
          jobId: jobIds.matchHouseholdAfterGap(householdId, needId, changedAt),
        },
      ]);
    } catch (error) {
      this.logger.warn({ err: error, needId }, 'matching job not queued after a money gap change');
    }
  }
}
