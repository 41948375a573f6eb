import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ASSISTANCE_SOURCES } from '@onedoor/ledger';
import { Clock, type Principal, todayInChina } from '@onedoor/platform';
import { RESIDENCIES, TIERS } from '@onedoor/resources';
import { reportMonths } from '../report-months';
import { fen } from '../report-rows';
import { ReportsService } from '../reports.service';
import {
  type AssistanceDuplicatesReportDto,
  type AssistanceFiguresDto,
  type AssistanceGroup,
  type AssistanceMonthlyReportDto,
  type AssistanceMonthsQueryDto,
  type AssistanceQueryDto,
  type AssistanceReportDto,
  type DuplicateBenefitDto,
  type MissedAssistanceQueryDto,
  type MissedAssistanceReportDto,
  URBAN_RURAL,
} from './assistance-reports.dto';
import {
  type AssistanceFigures,
  assistanceDuplicates,
  assistanceFigures,
  type DuplicateSide,
  type LedgerMonth,
  missedAssistance,
} from './assistance-reports.query';

const NONE: AssistanceFiguresDto = { householdTimes: 0, amountFen: 0, households: 0 };

const figuresOf = (f?: AssistanceFigures): AssistanceFiguresDto =>
  f ? { householdTimes: f.householdTimes, amountFen: f.amountFen, households: f.households } : NONE;

/**
 * The ledger reports (docs/reports.md, "Assistance ledger" sections): the bulletin tables of
 * household-times and amounts, missed assistance and duplicate benefits, over the caller's area.
 */
@Injectable()
export class AssistanceReportsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  /** The months asked for (validated: in order, at most 36) and the period as asked. */
  private months(q: AssistanceMonthsQueryDto, now: Date) {
    const months: LedgerMonth[] = reportMonths(q.from, q.to, now).map((x) => ({
      month: x.month,
      first: x.period.from,
      last: x.period.to,
    }));
    const to = q.to ?? todayInChina(now).slice(0, 7);
    return { months, period: { from: q.from ?? months[0]?.month ?? to, to } };
  }

  async assistance(q: AssistanceQueryDto, me: Principal): Promise<AssistanceReportDto> {
    const now = this.clock.now();
    const { months, period } = this.months(q, now);
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      const figures = await assistanceFigures(m, s.path, months, q.groupBy);
      const byKey = new Map(figures.map((f) => [f.key, f]));
      const keys = await this.groupKeys(m, q.groupBy);
      // A key the list does not know (a category since removed) still shows, after the others.
      for (const f of figures) if (f.key !== null && !keys.includes(f.key)) keys.push(f.key);
      return {
        area: s.area,
        period,
        asOf: now.toISOString(),
        groupBy: q.groupBy,
        rows: keys.map((key) => ({ key, ...figuresOf(byKey.get(key)) })),
        total: { key: 'total', ...figuresOf(byKey.get(null)) },
      };
    });
  }

  /** Every group of the grouping, so that a group with nothing is a row of zeros. */
  private async groupKeys(m: EntityManager, group: AssistanceGroup): Promise<string[]> {
    switch (group) {
      case 'source':
        return [...ASSISTANCE_SOURCES];
      case 'residency':
        return [...RESIDENCIES];
      case 'tier':
        return [...TIERS, ''];
      case 'urbanRural':
        return [...URBAN_RURAL];
      case 'category': {
        const rows: Array<{ code: string }> = await m.query(
          `SELECT code FROM category ORDER BY created_at, code`,
        );
        return rows.map((r) => r.code);
      }
    }
  }

  async monthly(q: AssistanceMonthsQueryDto, me: Principal): Promise<AssistanceMonthlyReportDto> {
    const now = this.clock.now();
    const { months, period } = this.months(q, now);
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      const figures = await assistanceFigures(m, s.path, months, null);
      const byMonth = new Map(figures.map((f) => [f.month, f]));
      return {
        area: s.area,
        period,
        asOf: now.toISOString(),
        rows: months.map(({ month }) => ({ month, ...figuresOf(byMonth.get(month)) })),
        total: { month: 'total', ...figuresOf(byMonth.get(null)) },
      };
    });
  }

  async missed(q: MissedAssistanceQueryDto, me: Principal): Promise<MissedAssistanceReportDto> {
    const now = this.clock.now();
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      // Calendar months back from today; PostgreSQL keeps 05-31 minus 3 months at 02-28.
      const [{ since }]: Array<{ since: string }> = await m.query(
        `SELECT to_char($1::date - make_interval(months => $2::int), 'YYYY-MM-DD') AS since`,
        [todayInChina(now), q.months],
      );
      const rows = await missedAssistance(m, s.path, since);
      return {
        area: s.area,
        months: q.months,
        since,
        asOf: now.toISOString(),
        count: rows.length,
        rows: rows.map((r) => ({
          householdId: r.householdId,
          communityId: r.communityId,
          communityName: r.communityName,
          tier: r.tier as MissedAssistanceReportDto['rows'][number]['tier'],
          needCategories: r.needCategories ?? [],
          lastAssistedOn: r.lastAssistedOn,
        })),
      };
    });
  }

  async duplicates(
    q: AssistanceMonthsQueryDto,
    me: Principal,
  ): Promise<AssistanceDuplicatesReportDto> {
    const now = this.clock.now();
    const { months, period } = this.months(q, now);
    return this.reports.read(async (m) => {
      const s = await this.reports.scope(m, q, me);
      const pairs = months.length
        ? await assistanceDuplicates(m, s.path, months[0].first, months[months.length - 1].last)
        : [];
      const side = (x: DuplicateSide): DuplicateBenefitDto => ({
        ...x,
        source: x.source as DuplicateBenefitDto['source'],
        amountFen: x.amountFen === null ? null : fen(x.amountFen),
      });
      return {
        area: s.area,
        period,
        asOf: now.toISOString(),
        count: pairs.length,
        rows: pairs.map((p) => ({
          householdId: p.householdId,
          communityName: p.communityName,
          categoryCode: p.categoryCode,
          first: side(p.a),
          second: side(p.b),
        })),
      };
    });
  }
}
