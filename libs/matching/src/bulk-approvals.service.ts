import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HouseholdsRepository, NeedsRepository } from '@onedoor/households';
import {
  DomainError,
  NotFoundError,
  type Principal,
  ValidationFailedError,
} from '@onedoor/platform';
import { ApprovalsService } from './approvals.service';
import type { ApprovalItemResultDto, BulkApprovalDto } from './dto/bulk-approval.dto';

/**
 * "1 family + N resources" as one decision: several of a household's proposals, one per need
 * (several for a need with a money gap), approved in one request with a result per item. Each item is one ordinary approval, in its
 * own transaction (need → proposal → referral → resource, `LOCK_ORDER`), so it reserves its
 * unit atomically and no item ever holds a lock another item of the batch waits for: two
 * officers approving overlapping households at once cannot deadlock, and one full resource
 * does not cost the family the others. Items run in need-id order, so the same request meets
 * the same order every time.
 */
@Injectable()
export class BulkApprovalsService {
  private readonly logger = new Logger(BulkApprovalsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsRepository,
    private readonly needs: NeedsRepository,
    private readonly approvals: ApprovalsService,
  ) {}

  async approve(
    householdId: string,
    body: BulkApprovalDto,
    actor: Principal,
  ): Promise<ApprovalItemResultDto[]> {
    if (!(await this.households.isVisible(householdId, actor)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    const ids = body.items.map((i) => i.proposalId);
    if (new Set(ids).size !== ids.length)
      throw this.invalid('duplicate', 'a proposal is listed twice');
    // Each proposal's need and household, read without locks (they never change).
    const rows: Array<{ id: string; needId: string; householdId: string }> =
      await this.dataSource.query(
        `SELECT id, need_id AS "needId", household_id AS "householdId" FROM match_proposal WHERE id = ANY($1)`,
        [ids],
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    // One proposal per need, except for a need with a money gap: several sources may stack on
    // it (each item is checked against the gap and the rules when its turn comes).
    const gapNeeds = new Set(
      (await this.needs.openOrMatchedOf([householdId]))
        .filter((n) => n.gapFen !== null)
        .map((n) => n.id),
    );
    const needs = rows
      .filter((r) => r.householdId === householdId && !gapNeeds.has(r.needId))
      .map((r) => r.needId);
    if (new Set(needs).size !== needs.length)
      throw this.invalid('sameNeed', 'two proposals of one need: approve one proposal per need');
    const order = [...body.items].sort((a, b) => {
      const [x, y] = [byId.get(a.proposalId)?.needId ?? '', byId.get(b.proposalId)?.needId ?? ''];
      return x < y ? -1 : x > y ? 1 : a.proposalId < b.proposalId ? -1 : 1;
    });
    const results = new Map<string, ApprovalItemResultDto>();
    for (const item of order) {
      const row = byId.get(item.proposalId);
      if (!row || row.householdId !== householdId) {
        results.set(item.proposalId, {
          proposalId: item.proposalId,
          status: 'refused',
          code: 'MATCH_NOT_FOUND',
          message: 'No such proposal of this household',
        });
        continue;
      }
      try {
        const referralId = await this.approvals.approve(
          item.proposalId,
          actor,
          item.consent ?? body.consent,
        );
        results.set(item.proposalId, {
          proposalId: item.proposalId,
          needId: row.needId,
          status: 'approved',
          referralId,
        });
      } catch (error) {
        // Only domain refusals become item results; anything else fails the request (the
        // items approved before it stay approved, each committed on its own).
        if (!(error instanceof DomainError)) throw error;
        results.set(item.proposalId, {
          proposalId: item.proposalId,
          needId: row.needId,
          status: 'refused',
          code: error.code,
          message: error.message,
          details: error.details,
        });
      }
    }
    this.logger.log(
      {
        householdId,
        approved: [...results.values()].filter((r) => r.status === 'approved').length,
      },
      'bulk approval',
    );
    // In the order the caller listed them.
    return body.items.map((i) => results.get(i.proposalId)!);
  }

  private invalid(problem: 'duplicate' | 'sameNeed', message: string): ValidationFailedError {
    return new ValidationFailedError(`items: ${message}`, [
      { field: 'items', constraint: 'bulkApprovalItems', params: { problem }, message },
    ]);
  }
}
