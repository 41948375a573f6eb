import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, Clock, DomainError, type Principal, todayInChina } from '@onedoor/platform';
import type { OfferedContractDto } from './dto/contracted-workers.dto';
import { SessionsService } from './sessions.service';

/** A contract as a contracted worker's account sees it. */
export interface WorkerContract {
  id: string;
  providerId: string;
  areaPath: string;
  /** When the workers' access ends: the end of the contract's last day, China time. */
  accessUntil: Date;
}

interface ContractRow {
  id: string;
  provider_id: string;
  provider_kind: string;
  area_path: string;
  status: string;
  period_start: string;
  period_end: string;
}

/** The instant after `date` (YYYY-MM-DD) ends in China (UTC+8, no daylight saving). */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

/**
 * Contracted social-work workers (issue 21): assessor accounts of a social-work organization
 * that holds an active service contract, for the contract's area and period. Their access ends
 * at the contract's end (`app_user.access_until`, which the principal loader honours by the
 * Clock) or, if the contract ends early, when it ends (procurement calls {@link endAccess} in
 * the contract's transaction).
 *
 * The contract is read here by SQL: `contract` belongs to procurement, which sits above this
 * lib and calls it; the platform's principal loader reads `user_session` the same way.
 */
@Injectable()
export class ContractedWorkersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The contract a new worker account may be opened under by `actor`: active, today within its
   * period, a social-work organization's, and (for an organization admin) their own. 422
   * CONTRACT_NOT_LIVE otherwise, with the problem in `details`.
   */
  async liveContract(
    contractId: string,
    actor: Principal | null,
    manager: EntityManager,
  ): Promise<WorkerContract> {
    const rows: ContractRow[] = await manager.query(
      `SELECT c.id, c.provider_id, p.kind AS provider_kind, c.area_path, c.status,
              to_char(c.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(c.period_end, 'YYYY-MM-DD') AS period_end
         FROM contract c JOIN provider p ON p.id = c.provider_id
        WHERE c.id = $1`,
      [contractId],
    );
    const row = rows[0];
    const today = todayInChina(this.clock.now());
    // Another organization's contract answers as a missing one.
    const problem =
      !row || (actor?.role === 'provider' && row.provider_id !== actor.providerId)
        ? 'not_found'
        : row.provider_kind !== 'social_work_org'
          ? 'not_social_work'
          : row.status !== 'active'
            ? 'not_active'
            : today < row.period_start
              ? 'not_started'
              : today > row.period_end
                ? 'period_over'
                : null;
    if (problem) {
      throw new DomainError(
        'CONTRACT_NOT_LIVE',
        `Contracted workers need an active contract of a social-work organization within its period (${problem})`,
        { contractId, problem },
      );
    }
    return {
      id: row.id,
      providerId: row.provider_id,
      areaPath: row.area_path,
      accessUntil: endOfChinaDay(row.period_end),
    };
  }

  /**
   * The live contracts `actor` may open worker accounts under, each with the areas a worker may
   * be placed in (the contract's area and below; for staff, within their own scope too).
   */
  async offered(actor: Principal): Promise<OfferedContractDto[]> {
    const today = todayInChina(this.clock.now());
    const own = actor.role === 'provider';
    if (own ? !actor.isOrgAdmin || !actor.providerId : actor.role !== 'admin' && !actor.areaPath) {
      return [];
    }
    const contracts: Array<{
      id: string;
      title: string;
      area_path: string;
      period_start: string;
      period_end: string;
    }> = await this.dataSource.query(
      `SELECT c.id, c.title, c.area_path,
              to_char(c.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(c.period_end, 'YYYY-MM-DD') AS period_end
         FROM contract c JOIN provider p ON p.id = c.provider_id
        WHERE c.status = 'active' AND p.kind = 'social_work_org'
          AND c.period_start <= $1::date AND c.period_end >= $1::date
          AND ($2::uuid IS NULL OR c.provider_id = $2)
          AND ($3::text IS NULL OR c.area_path LIKE $3 || '%' OR $3 LIKE c.area_path || '%')
        ORDER BY c.period_end, c.id`,
      [today, own ? actor.providerId : null, own || actor.role === 'admin' ? null : actor.areaPath],
    );
    const scope = own || actor.role === 'admin' ? null : actor.areaPath;
    return Promise.all(
      contracts.map(async (c) => {
        const areas: OfferedContractDto['areas'] = await this.dataSource.query(
          `SELECT id, name, level FROM area
            WHERE path LIKE $1 || '%' AND ($2::text IS NULL OR path LIKE $2 || '%')
            -- Codes are hierarchical (行政区划代码): a street's communities follow it. The path is
            -- made of ids, so ordering by it shuffled the list from one database to the next.
            ORDER BY code LIMIT 500`,
          [c.area_path, scope],
        );
        return {
          id: c.id,
          title: c.title,
          periodStart: c.period_start,
          periodEnd: c.period_end,
          accessUntil: endOfChinaDay(c.period_end).toISOString(),
          areas,
        };
      }),
    );
  }

  /** A worker's contract whatever its state (a change to the worker's area). */
  async contractOf(contractId: string, manager: EntityManager): Promise<WorkerContract> {
    const [row]: ContractRow[] = await manager.query(
      `SELECT id, provider_id, area_path, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM contract WHERE id = $1`,
      [contractId],
    );
    return {
      id: row.id,
      providerId: row.provider_id,
      areaPath: row.area_path,
      accessUntil: endOfChinaDay(row.period_end),
    };
  }

  /** 422 CONTRACTED_WORKER_OUT_OF_AREA unless the area lies within the contract's. */
  assertInContractArea(contract: WorkerContract, areaPath: string | null): void {
    // Paths end with '/': '/a/' is never a prefix of '/ab/'.
    if (!areaPath || !areaPath.startsWith(contract.areaPath)) {
      throw new DomainError(
        'CONTRACTED_WORKER_OUT_OF_AREA',
        "The worker's area must lie within the contract's area",
        { contractId: contract.id },
      );
    }
  }

  /**
   * The contract ended (completed or terminated) at `at`: its workers' access ends then, not
   * at the period's end, and their sessions end, in the caller's (the contract's) transaction.
   * Answers the accounts whose access was cut.
   */
  async endAccess(
    contractId: string,
    at: Date,
    actor: Principal,
    manager: EntityManager,
  ): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's driver.
    const [rows]: [Array<{ id: string; area_path: string | null }>, number] = await manager.query(
      `UPDATE app_user u SET access_until = $2, updated_at = now(), version = u.version + 1
        WHERE u.contract_id = $1 AND u.access_until > $2
        RETURNING u.id, (SELECT a.path FROM area a WHERE a.id = u.area_id) AS area_path`,
      [contractId, at],
    );
    for (const row of rows) {
      await this.sessions.endAllOf(row.id, 'contract_ended', manager);
      await this.audit.record(manager, {
        entityType: 'user',
        entityId: row.id,
        action: 'access_end',
        actor,
        data: { contractId, accessUntil: at.toISOString() },
        areaPath: row.area_path,
      });
    }
    return rows.map((r) => r.id);
  }
}
