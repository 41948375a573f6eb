import { Injectable } from '@nestjs/common';
import { CasesRepository } from '@onedoor/households';
import { NotFoundError, type Page, type PageQueryDto, type Principal } from '@onedoor/platform';
import type { TimelineEntryDto } from './timeline.dto';
import { TimelineRepository } from './timeline.repository';

/** The case page's timeline: everything that happened to the household, newest first. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  async page(
    caseId: string,
    query: PageQueryDto,
    principal: Principal,
  ): Promise<Page<TimelineEntryDto>> {
    // The case's scope is the household's: a case out of reach is as missing as an unknown one.
    const row = await this.cases.findVisible(caseId, principal);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    const { rows, total } = await this.timeline.page(
      row.householdId,
      query.limit,
      (query.page - 1) * query.limit,
    );
    return {
      items: rows.map((r) => ({
        ...r,
        at: r.at.toISOString(),
        event: `${r.entityType}.${r.action}`,
      })),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
