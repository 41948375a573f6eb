import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AreasRepository } from '@onedoor/areas';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  DomainError,
  ForbiddenError,
  isInScope,
  NotFoundError,
  type Principal,
  todayInChina,
} from '@onedoor/platform';
import { reportPeriod } from './report-period';
import {
  type ContractFigures,
  NO_REFERRALS,
  NO_UNMET_NEEDS,
  type ResourceFigures,
  type UnmetSummaryFigures,
} from './report-rows';
import { inReportSnapshot, ReportsRepository } from './reports.repository';
import type {
  ContractReportRowDto,
  ContractsReportDto,
  CoverageQueryDto,
  CoverageReportDto,
  CoverageRowDto,
  ReferralSlaQueryDto,
  ReferralSlaReportDto,
  ReferralSlaRowDto,
  ReportAreaDto,
  ResourcesReportDto,
  ResourcesReportQueryDto,
  ResourceUtilizationRowDto,
  PeriodQueryDto,
  StaffSlaReportDto,
  StaffSlaRowDto,
  ScopeQueryDto,
  UnmetNeedDto,
  UnmetNeedsQueryDto,
  UnmetNeedsReportDto,
  UnmetNeedsRowDto,
} from './reports.dto';
import { STAFF_STEP_LABELS } from './reporting.labels';
import {
  STAFF_STEPS,
  type StaffSlaFigures,
  staffSlaFigures,
  type StaffStep,
} from './staff-sla.query';

const DAY = 24 * 3600_000;
const TOTAL = { key: 'total', name: '合计' };

/** n ÷ d to 4 decimals; null when there is nothing to divide by. */
export const rate = (n: number, d: number): number | null =>
  d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;

export interface Scope {
  area: ReportAreaDto;
  path: string;
}

interface Group {
  key: string;
  name: string;
}

/**
 * The reports: scope and period resolved here, figures from {@link ReportsRepository}'s
 * aggregates, zero rows added for groups with nothing to count (a street with no needs is a
 * row of zeros, not a missing row).
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ReportsRepository,
    private readonly areas: AreasRepository,
    private readonly clock: Clock,
  ) {}

  /** One snapshot for all of a report's queries; nothing is written. */
  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return inReportSnapshot(this.dataSource, work);
  }

  /** The area asked for (default the caller's), which must lie inside the caller's scope. */
  async scope(m: EntityManager, q: ScopeQueryDto, me: Principal): Promise<Scope> {
    const id = q.areaId ?? me.areaId;
    if (!id) {
      if (me.role !== 'admin') throw new ForbiddenError('You have no area to report on');
      return { area: { id: null, name: '全部地区' }, path: '/' };
    }
    const area = await this.areas.findById(id, m);
    if (!area) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
    if (!isInScope(me, area.path)) {
      throw new DomainError('AREA_OUT_OF_SCOPE', 'The area is outside your scope', { areaId: id });
    }
    return { area: { id: area.id, name: area.name }, path: area.path };
  }

  /** Rows per child area: the scope's children, or the area itself when it has none. */
  private async areaGroups(m: EntityManager, s: Scope): Promise<Group[]> {
    const children = await this.repo.children(m, s.area.id);
    return children.length
      ? children.map((a) => ({ key: a.id, name: a.name }))
      : [{ key: s.area.id ?? '', name: s.area.name }];
  }

  /** The SQL's child key is '' for records in the scope area itself. */
  private static childKey(s: Scope, key: string): string {
    return key === '' ? (s.area.id ?? '') : key;
  }

  async coverage(q: CoverageQueryDto, me: Principal): Promise<CoverageReportDto> {
    const period = reportPeriod(q.from, q.to, this.clock.now());
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const category = q.category ?? null;
      const categories = await this.categoriesFor(m, category);
      const groups =
        q.groupBy === 'area'
          ? await this.areaGroups(m, s)
          : [...categories].map(([key, name]) => ({ key, name }));
      const counts = await this.repo.coverage(m, s.path, period, category, q.groupBy);
      const byKey = new Map(
        counts.map((c) => [c.key === null ? null : ReportsService.childKey(s, c.key), c]),
      );
      const row = (g: Group): CoverageRowDto => {
        const c = byKey.get(g.key === TOTAL.key ? null : g.key);
        const households = c?.households ?? 0;
        return {
          ...g,
          householdsWithNeed: households,
          accessible: c?.accessible ?? 0,
          attained: c?.attained ?? 0,
          accessibilityRate: rate(c?.accessible ?? 0, households),
          attainabilityRate: rate(c?.attained ?? 0, households),
        };
      };
      return {
        area: s.area,
        period: { from: period.from, to: period.to },
        category,
        groupBy: q.groupBy,
        rows: groups.map(row),
        total: row(TOTAL),
      };
    });
  }

  /** The categories (all, or the one asked for, which must exist). */
  async categoriesFor(m: EntityManager, only: string | null): Promise<Map<string, string>> {
    const categories = new Map((await this.repo.categories(m, only)).map((c) => [c.code, c.name]));
    if (only && categories.size === 0) {
      throw new DomainError('CATEGORY_NOT_FOUND', `No category ${only}`, { field: 'category' });
    }
    return categories;
  }

  async unmetNeeds(q: UnmetNeedsQueryDto, me: Principal): Promise<UnmetNeedsReportDto> {
    const now = this.clock.now();
    const days = (since: Date) => Math.floor((now.getTime() - new Date(since).getTime()) / DAY);
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const category = q.category ?? null;
      // Every row is of that category when one is asked for: its name is all we need.
      const categories = await this.categoriesFor(m, category);
      const areas = new Map((await this.areaGroups(m, s)).map((g) => [g.key, g.name]));
      const summary = await this.repo.unmetSummary(m, s.path, category);
      const toRow = (g: UnmetSummaryFigures): UnmetNeedsRowDto => {
        const areaId = g.key === null ? null : ReportsService.childKey(s, g.key);
        return {
          areaId,
          areaName: areaId === null ? TOTAL.name : (areas.get(areaId) ?? areaId),
          categoryCode: g.categoryCode,
          categoryName: g.categoryCode ? (categories.get(g.categoryCode) ?? null) : null,
          needs: g.needs,
          households: g.households,
          reasons: g.reasons ?? {},
          oldestWaitingSince: g.oldest ? new Date(g.oldest).toISOString() : null,
          oldestWaitingDays: g.oldest ? days(g.oldest) : null,
        };
      };
      const total = summary.find((g) => g.key === null) ?? NO_UNMET_NEEDS;
      let rows: Array<UnmetNeedsRowDto | UnmetNeedDto>;
      if (q.view === 'needs') {
        rows = (await this.repo.unmetNeeds(m, s.path, category)).map((n) => {
          const areaId = ReportsService.childKey(s, n.key);
          return {
            needId: n.needId,
            householdId: n.householdId,
            areaId,
            areaName: areas.get(areaId) ?? areaId,
            categoryCode: n.categoryCode,
            categoryName: categories.get(n.categoryCode) ?? n.categoryCode,
            severity: n.severity,
            urgency: n.urgency,
            reasons: n.reasons,
            waitingSince: new Date(n.waitingSince).toISOString(),
            waitingDays: days(n.waitingSince),
          };
        });
      } else {
        rows = summary.filter((g) => g.key !== null).map(toRow);
      }
      return { area: s.area, asOf: now.toISOString(), view: q.view, rows, total: toRow(total) };
    });
  }

  async referralSla(q: ReferralSlaQueryDto, me: Principal): Promise<ReferralSlaReportDto> {
    const now = this.clock.now();
    const period = reportPeriod(q.from, q.to, now);
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const figures = await this.repo.referralSla(m, s.path, period, now, q.groupBy);
      const byKey = new Map(
        figures.map((f) => [f.key === null ? null : ReportsService.childKey(s, f.key), f]),
      );
      let groups: Group[];
      if (q.groupBy === 'area') {
        groups = await this.areaGroups(m, s);
      } else {
        const ids = figures.flatMap((f) => (f.key === null ? [] : [f.key]));
        groups = (await this.repo.providerNames(m, ids))
          .map((p) => ({ key: p.id, name: p.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
      }
      const row = (g: Group): ReferralSlaRowDto => {
        const f = byKey.get(g.key === TOTAL.key ? null : g.key) ?? NO_REFERRALS;
        return {
          ...g,
          referrals: f.referrals,
          open: f.open,
          accepted: f.accepted,
          delivered: f.delivered,
          closed: f.closed,
          declined: f.declined,
          expired: f.expired,
          acceptanceDue: f.acceptanceDue,
          acceptedWithinDeadline: f.acceptedWithinDeadline,
          acceptedWithinDeadlineRate: rate(f.acceptedWithinDeadline, f.acceptanceDue),
          deliveryDue: f.deliveryDue,
          deliveredWithinDeadline: f.deliveredWithinDeadline,
          deliveredWithinDeadlineRate: rate(f.deliveredWithinDeadline, f.deliveryDue),
          overdue: f.overdue,
          escalated: f.escalated,
          medianHoursToAccept: f.medianHoursToAccept,
          medianHoursToDeliver: f.medianHoursToDeliver,
        };
      };
      return {
        area: s.area,
        period: { from: period.from, to: period.to },
        asOf: now.toISOString(),
        groupBy: q.groupBy,
        rows: groups.map(row),
        total: row(TOTAL),
      };
    });
  }

  /** Deadlines on staff steps, one row per step; zeros for a step with nothing due. */
  async staffSla(q: PeriodQueryDto, me: Principal): Promise<StaffSlaReportDto> {
    const now = this.clock.now();
    const period = reportPeriod(q.from, q.to, now);
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const figures = await staffSlaFigures(m, s.path, period.start, period.end, now);
      const row = (key: StaffStep | 'total', list: StaffSlaFigures[]): StaffSlaRowDto => {
        const sum = (k: 'steps' | 'due' | 'onTime' | 'overdue' | 'escalated') =>
          list.reduce((n, f) => n + f[k], 0);
        return {
          key,
          name: STAFF_STEP_LABELS[key]['zh-CN'],
          steps: sum('steps'),
          due: sum('due'),
          onTime: sum('onTime'),
          onTimeRate: rate(sum('onTime'), sum('due')),
          overdue: sum('overdue'),
          escalated: sum('escalated'),
        };
      };
      return {
        area: s.area,
        period: { from: period.from, to: period.to },
        asOf: now.toISOString(),
        rows: STAFF_STEPS.map((step) =>
          row(
            step,
            figures.filter((f) => f.step === step),
          ),
        ),
        total: row('total', figures),
      };
    });
  }

  async resources(q: ResourcesReportQueryDto, me: Principal): Promise<ResourcesReportDto> {
    const today = todayInChina(this.clock.now());
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const figures = await this.repo.resources(m, s.path, today, q.expiringWithinDays, q.groupBy);
      const toRow = (f: ResourceFigures): ResourceUtilizationRowDto => {
        const total = f.key === null;
        return {
          key: f.key ?? TOTAL.key,
          name: total ? TOTAL.name : (f.name ?? ''),
          // The total row's min() details describe no resource in particular.
          providerName: total ? null : f.providerName,
          providerKind: total ? null : f.providerKind,
          categoryCode: total ? null : f.categoryCode,
          status: total ? null : f.status,
          validUntil: total ? null : f.validUntil,
          resources: f.resources,
          capacity: f.capacity,
          reserved: f.reserved,
          delivered: f.delivered,
          remaining: f.remaining,
          shareUsed: rate(f.reserved + f.delivered, f.capacity),
          expiringSoon: f.expiringSoon,
        };
      };
      // GROUPING SETS always yields the () row, zeros included.
      const total = figures.find((f) => f.key === null)!;
      return {
        area: s.area,
        asOf: today,
        groupBy: q.groupBy,
        expiringWithinDays: q.expiringWithinDays,
        rows: figures.filter((f) => f.key !== null).map(toRow),
        total: toRow(total),
      };
    });
  }

  async contracts(q: ScopeQueryDto, me: Principal): Promise<ContractsReportDto> {
    return this.read(async (m) => {
      const s = await this.scope(m, q, me);
      const figures = await this.repo.contracts(m, s.path);
      // The total row's contract fields are null; its key and name say it is the total.
      const toRow = (f: ContractFigures): ContractReportRowDto =>
        f.key === null ? { ...f, ...TOTAL } : { ...f, key: f.key, name: f.name ?? '' };
      return {
        area: s.area,
        rows: figures.filter((f) => f.key !== null).map(toRow),
        total: toRow(figures.find((f) => f.key === null)!),
      };
    });
  }
}
