import { Injectable } from '@nestjs/common';
import { Clock, type Principal } from '@onedoor/platform';
import type {
  CaseOutcomesQueryDto,
  CaseOutcomesReportDto,
  CaseOutcomesRowDto,
} from './case-outcomes.dto';
import {
  type CaseOutcomeFigures,
  caseOutcomeFigures,
  caseOutcomeGroups,
  NO_CASE_OUTCOMES,
} from './case-outcomes.query';
import { reportPeriod } from './report-period';
import { rate, ReportsService } from './reports.service';

const TOTAL = { key: 'total', name: '合计' };
const UNASSIGNED = { key: '', name: '未分配顾问' };

/**
 * The case outcome report: per adviser, community or street of the caller's scope, what the
 * advisers' work changed for families (docs/reports.md, "Case outcomes", says why these figures).
 */
@Injectable()
export class CaseOutcomesService {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  async report(q: CaseOutcomesQueryDto, me: Principal): Promise<CaseOutcomesReportDto> {
    const now = this.clock.now();
    const period = reportPeriod(q.from, q.to, now);
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      const figures = await caseOutcomeFigures(m, s.path, q.groupBy, period.start, period.end, now);
      const byKey = new Map(figures.map((f) => [f.key, f]));
      const keys = figures.flatMap((f) => (f.key ? [f.key] : []));
      const groups = await caseOutcomeGroups(m, s.path, q.groupBy, keys);
      // Advisers with figures are listed even when no longer in scope; cases with none last.
      const listed = new Set(groups.map((g) => g.key));
      if (byKey.has('') && !listed.has('')) groups.push(UNASSIGNED);
      const row = (
        g: { key: string; name: string },
        f?: CaseOutcomeFigures,
      ): CaseOutcomesRowDto => {
        const x = f ?? { key: g.key, ...NO_CASE_OUTCOMES };
        return {
          key: g.key,
          name: g.name,
          caseload: x.caseload,
          visitsDue: x.visitsDue,
          visitsOnTime: x.visitsOnTime,
          visitsOnTimeRate: rate(x.visitsOnTime, x.visitsDue),
          plansAgreed: x.plansAgreed,
          plansAgreedRate: rate(x.plansAgreed, x.caseload),
          goals: x.goals,
          goalsAchieved: x.goalsAchieved,
          goalsAchievedRate: rate(x.goalsAchieved, x.goals),
          reassessments: x.reassessments,
          scoreImproved: x.scoreImproved,
          scoreImprovedRate: rate(x.scoreImproved, x.reassessments),
          meanScoreChange: x.meanScoreChange,
          tierImproved: x.tierImproved,
          tierImprovedRate: rate(x.tierImproved, x.reassessments),
          needsFulfilled: x.needsFulfilled,
          left: x.left,
          leftBefore: x.leftBefore,
          cameBack: x.cameBack,
          cameBackRate: rate(x.cameBack, x.leftBefore),
        };
      };
      return {
        area: s.area,
        period: { from: period.from, to: period.to },
        asOf: now.toISOString(),
        groupBy: q.groupBy,
        rows: groups.map((g) => row(g, byKey.get(g.key))),
        total: row(TOTAL, byKey.get(null)),
      };
    });
  }
}
