import { Injectable } from '@nestjs/common';
import {
  beijingDays,
  ForbiddenError,
  type Principal,
  ValidationFailedError,
  fieldError,
} from '@onedoor/platform';
import { LEAD_SOURCES } from '../relief.types';
import type { LeadReportCountsDto, LeadReportDto, LeadReportQueryDto } from './dto/lead-report.dto';
import { LeadsRepository } from './leads.repository';

const ZERO: LeadReportCountsDto = {
  reported: 0,
  triagedInTime: 0,
  linkedOrRegistered: 0,
  assisted: 0,
  closed: 0,
};

/**
 * Leads by source → triaged in time → linked or registered → assisted, and closed, for the
 * leads reported on the Beijing days from…to in the caller's area (admin: everywhere).
 */
@Injectable()
export class LeadReportService {
  constructor(private readonly leads: LeadsRepository) {}

  async report(q: LeadReportQueryDto, actor: Principal): Promise<LeadReportDto> {
    if (actor.role !== 'admin' && !actor.areaPath) throw new ForbiddenError('No area to report on');
    if (q.to < q.from)
      throw new ValidationFailedError('The period runs backwards', [
        fieldError('to', 'notBefore', 'to is before from', { other: q.from }),
      ]);
    const { start: from, end: to } = beijingDays(q.from, q.to);
    const found = await this.leads.report(
      { from, to },
      actor.role === 'admin' ? null : actor.areaPath,
    );
    const rows = LEAD_SOURCES.map((source) => {
      const row = found.find((r) => r.source === source);
      return { source, ...ZERO, ...(row ? { ...row, source } : {}) };
    });
    const total = rows.reduce<LeadReportCountsDto>(
      (sum, r) => ({
        reported: sum.reported + r.reported,
        triagedInTime: sum.triagedInTime + r.triagedInTime,
        linkedOrRegistered: sum.linkedOrRegistered + r.linkedOrRegistered,
        assisted: sum.assisted + r.assisted,
        closed: sum.closed + r.closed,
      }),
      { ...ZERO },
    );
    return { from: q.from, to: q.to, rows, total };
  }
}
