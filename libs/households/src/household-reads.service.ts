import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Page, type Principal } from '@onedoor/platform';
import type {
  AccessLogQueryDto,
  HouseholdReadDto,
  HouseholdReadQueryDto,
} from './household-reads.dto';
import { type HouseholdReadRow, HouseholdReadsRepository } from './household-reads.repository';
import { HouseholdsRepository } from './households.repository';

/** The header the console sets to the route's pathname on every API call. */
export const PAGE_HEADER = 'x-onedoor-page';

/** Longest page kept: a pathname, not a place for arbitrary text. */
const MAX_PAGE_LENGTH = 200;

/** The page a read came from: the header trimmed and cut, `api` when absent. */
export function pageOf(header: string | string[] | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value ? value.slice(0, MAX_PAGE_LENGTH) : 'api';
}

/**
 * The access log of household records (who opened which household, when, from which page),
 * which supervisors review. A read is recorded after the record was found and before it is
 * answered, on the same request: if the log cannot be written the read fails too, because a
 * supervision log that silently loses rows is worse than a retry.
 */
@Injectable()
export class HouseholdReadsService {
  constructor(
    private readonly reads: HouseholdReadsRepository,
    private readonly households: HouseholdsRepository,
    private readonly clock: Clock,
  ) {}

  record(principal: Principal, householdId: string, page: string): Promise<void> {
    return this.reads.insert({
      at: this.clock.now(),
      userId: principal.userId,
      role: principal.role,
      householdId,
      page,
    });
  }

  /** Reads of one household: 404 unless it is in the caller's scope. */
  async ofHousehold(
    householdId: string,
    query: HouseholdReadQueryDto,
    principal: Principal,
  ): Promise<Page<HouseholdReadDto>> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return this.page({ householdId }, query, principal);
  }

  /** Reads of households in the caller's area, filtered. */
  list(query: AccessLogQueryDto, principal: Principal): Promise<Page<HouseholdReadDto>> {
    const { userId, householdId, from, to } = query;
    return this.page({ userId, householdId, from, to }, query, principal);
  }

  private async page(
    filter: Parameters<HouseholdReadsRepository['page']>[0],
    query: { page: number; limit: number },
    principal: Principal,
  ): Promise<Page<HouseholdReadDto>> {
    const { rows, total } = await this.reads.page(filter, query, principal);
    return { items: rows.map(toDto), page: query.page, limit: query.limit, total };
  }
}

function toDto(row: HouseholdReadRow): HouseholdReadDto {
  return { ...row, at: new Date(row.at).toISOString() };
}
