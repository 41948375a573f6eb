import { Injectable } from '@nestjs/common';
import { Clock, type Principal } from '@onedoor/platform';
import { reportMonths } from './report-months';
import type { CoverageMonthlyQueryDto, CoverageMonthlyReportDto } from './reports.dto';
import { ReportsRepository } from './reports.repository';
import { rate, ReportsService } from './reports.service';

/**
 * The coverage trend: for each China calendar month, the coverage report's total with that
 * month as its period — so a month's row equals `GET /api/reports/coverage` over the same days.
 * One coverage query per month, all in one snapshot.
 */
@Injectable()
export class CoverageTrendService {
  constructor(
    private readonly reports: ReportsService,
    private readonly repo: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  async monthly(q: CoverageMonthlyQueryDto, me: Principal): Promise<CoverageMonthlyReportDto> {
    const months = reportMonths(q.from, q.to, this.clock.now());
    const category = q.category ?? null;
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      if (category) await this.reports.categoriesFor(m, category);
      // Read once for every month: the months are counted in one snapshot, so they are the same.
      const docs = await this.repo.ruleDocuments(m, s.path, category);
      const rows = [];
      for (const { month, period } of months) {
        // Grouped by category only because the query wants a grouping: its total row is used.
        const counts = await this.repo.coverage(m, s.path, period, category, 'category', docs);
        const total = counts.find((c) => c.key === null);
        const households = total?.households ?? 0;
        rows.push({
          month,
          from: period.from,
          to: period.to,
          householdsWithNeed: households,
          accessible: total?.accessible ?? 0,
          attained: total?.attained ?? 0,
          accessibilityRate: rate(total?.accessible ?? 0, households),
          attainabilityRate: rate(total?.attained ?? 0, households),
        });
      }
      return { area: s.area, category, rows };
    });
  }
}
