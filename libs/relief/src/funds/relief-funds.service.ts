import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import {
  AuditService,
  Clock,
  DomainError,
  type FieldError,
  ForbiddenError,
  fieldError,
  isInScope,
  NotFoundError,
  type Page,
  type PageQueryDto,
  type Principal,
  StaleVersionError,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import { type FundRow, ReliefFundsRepository } from './relief-funds.repository';
import { toFundMovementDto, toReliefFundDto } from './relief-fund.mapper';
import type {
  AllocateReliefFundDto,
  CreateReliefFundDto,
  FundMovementDto,
  ReliefFundDto,
  ReliefFundQueryDto,
  UpdateReliefFundDto,
} from './dto/relief-fund.dto';

/** Who manages funds: civil-affairs staff of the fund's area (or above it), and admin. */
const MANAGERS: readonly string[] = ['civil_affairs', 'admin'];
/** Who reads them: managers and assessors (who propose grants from them). */
const READERS: readonly string[] = ['civil_affairs', 'assessor', 'admin'];

/**
 * Reserve and donation funds: created with their budget's 'opening' movement, edited
 * (name, office, threshold, period, closing), topped up by allocations. Every balance change
 * writes its movement and its audit row in the same transaction, so the statement (the sum of
 * movements) and the balance never disagree.
 *
 * A fund serves the households inside its area: staff see the funds of their own area, of the
 * areas above it (which can pay their families) and of those inside their scope; only staff
 * whose scope contains the fund's area change it. Anyone else gets the 404 a missing fund gets.
 */
@Injectable()
export class ReliefFundsService {
  constructor(
    private readonly funds: ReliefFundsRepository,
    private readonly areas: AreasRepository,
    private readonly categories: CategoriesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateReliefFundDto, actor: Principal): Promise<ReliefFundDto> {
    if (!MANAGERS.includes(actor.role)) throw new ForbiddenError('Funds are created by staff');
    const id = await this.tx.run(async (manager) => {
      const area = await this.areas.findById(dto.areaId, manager);
      const problems: FieldError[] = [];
      // Outside the caller's scope reads like missing: an officer learns nothing of other areas.
      if (!area || !isInScope(actor, area.path))
        problems.push(fieldError('areaId', 'fundArea', 'no such area within your scope'));
      if (dto.periodEnd < dto.periodStart)
        problems.push(fieldError('periodEnd', 'fundPeriod', 'periodEnd is before periodStart'));
      if (
        dto.restrictedCategoryCode &&
        !(await this.categories.exists(dto.restrictedCategoryCode, manager))
      )
        problems.push(fieldError('restrictedCategoryCode', 'unknownCategory', 'no such category'));
      if (problems.length || !area)
        throw new ValidationFailedError('The fund is not valid', problems);
      const now = this.clock.now();
      const fundId = await this.funds.insert(manager, {
        kind: dto.kind,
        name: dto.name.trim(),
        areaId: area.id,
        areaPath: area.path,
        managingOffice: dto.managingOffice.trim(),
        budgetFen: dto.budgetFen,
        thresholdFen: dto.thresholdFen,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        restrictedCategoryCode: dto.restrictedCategoryCode ?? null,
        createdById: actor.userId,
        at: now,
      });
      // The budget enters as the 'opening' movement, so a statement starts from it.
      await this.funds.insertMovement(manager, {
        fundId,
        kind: 'opening',
        amountFen: dto.budgetFen,
        note: dto.kind === 'reserve' ? '年度预算' : '期初余额',
        occurredAt: now,
        recordedById: actor.userId,
      });
      await this.audit.record(manager, {
        entityType: 'relief_fund',
        entityId: fundId,
        action: 'create',
        actor,
        toState: 'active',
        data: {
          kind: dto.kind,
          name: dto.name,
          areaId: area.id,
          managingOffice: dto.managingOffice,
          budgetFen: dto.budgetFen,
          thresholdFen: dto.thresholdFen,
          periodStart: dto.periodStart,
          periodEnd: dto.periodEnd,
          restrictedCategoryCode: dto.restrictedCategoryCode ?? null,
        },
        areaPath: area.path,
      });
      return fundId;
    });
    return this.get(id, actor);
  }

  async list(query: ReliefFundQueryDto, actor: Principal): Promise<Page<ReliefFundDto>> {
    if (!READERS.includes(actor.role)) throw new ForbiddenError('Not a reader of relief funds');
    const { rows, total } = await this.funds.list(query, query, actor);
    return {
      items: rows.map((r) => toReliefFundDto(r, actor)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  async get(id: string, actor: Principal): Promise<ReliefFundDto> {
    return toReliefFundDto(await this.visible(id, actor), actor);
  }

  async update(id: string, dto: UpdateReliefFundDto, actor: Principal): Promise<ReliefFundDto> {
    await this.tx.run(async (manager) => {
      await this.funds.lock(id, manager);
      const fund = await this.managed(id, actor, manager);
      if (fund.version !== dto.version)
        throw new StaleVersionError('Relief fund', dto.version, fund.version);
      if (fund.status === 'closed')
        throw new DomainError('RELIEF_FUND_CLOSED', 'A closed fund is not changed any more');
      const start = dto.periodStart ?? fund.periodStart;
      const end = dto.periodEnd ?? fund.periodEnd;
      if (end < start)
        throw new ValidationFailedError('The fund is not valid', [
          fieldError('periodEnd', 'fundPeriod', 'periodEnd is before periodStart'),
        ]);
      const changes = {
        name: dto.name?.trim(),
        managingOffice: dto.managingOffice?.trim(),
        thresholdFen: dto.thresholdFen,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        status: dto.status,
      };
      await this.funds.update(manager, id, changes, this.clock.now());
      const before = {
        name: fund.name,
        managingOffice: fund.managingOffice,
        thresholdFen: Number(fund.thresholdFen),
        periodStart: fund.periodStart,
        periodEnd: fund.periodEnd,
        status: fund.status,
      };
      await this.audit.record(manager, {
        entityType: 'relief_fund',
        entityId: id,
        action: dto.status === 'closed' ? 'close' : 'update',
        actor,
        fromState: fund.status,
        toState: dto.status ?? fund.status,
        data: {
          before,
          after: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        },
        areaPath: fund.areaPath,
      });
    });
    return this.get(id, actor);
  }

  /** A top-up (追加拨款): credits the balance and writes its 'allocation' movement, at once. */
  async allocate(id: string, dto: AllocateReliefFundDto, actor: Principal): Promise<ReliefFundDto> {
    await this.tx.run(async (manager) => {
      const fund = await this.managed(id, actor, manager);
      const now = this.clock.now();
      const balance = await this.funds.credit(manager, id, dto.amountFen, now);
      if (balance === null)
        throw new DomainError('RELIEF_FUND_CLOSED', 'A closed fund receives no allocation');
      await this.funds.insertMovement(manager, {
        fundId: id,
        kind: 'allocation',
        amountFen: dto.amountFen,
        note: dto.note ?? null,
        occurredAt: now,
        recordedById: actor.userId,
      });
      await this.audit.record(manager, {
        entityType: 'relief_fund',
        entityId: id,
        action: 'allocate',
        actor,
        data: { amountFen: dto.amountFen, balanceFen: balance, note: dto.note ?? null },
        areaPath: fund.areaPath,
      });
    });
    return this.get(id, actor);
  }

  async movements(
    id: string,
    page: PageQueryDto,
    actor: Principal,
  ): Promise<Page<FundMovementDto>> {
    await this.visible(id, actor);
    const { rows, total } = await this.funds.movements(id, page);
    return { items: rows.map(toFundMovementDto), page: page.page, limit: page.limit, total };
  }

  /** The fund if the caller may read it, else the 404 of a missing one. */
  async visible(id: string, actor: Principal, manager?: EntityManager): Promise<FundRow> {
    const fund = READERS.includes(actor.role) ? await this.funds.find(id, manager) : null;
    if (!fund || !canSee(actor, fund.areaPath))
      throw new NotFoundError('Relief fund', 'RELIEF_FUND_NOT_FOUND');
    return fund;
  }

  /**
   * The fund if the caller may change it: 404 when they cannot even see it, 403 when they
   * see it (a district fund seen from a street) but it is not theirs to manage.
   */
  async managed(id: string, actor: Principal, manager?: EntityManager): Promise<FundRow> {
    const fund = await this.visible(id, actor, manager);
    if (!MANAGERS.includes(actor.role) || !isInScope(actor, fund.areaPath))
      throw new ForbiddenError('The fund is managed by the staff of its area');
    return fund;
  }
}

/** Inside the caller's scope, or above it (the same rule as the list's query). */
export function canSee(actor: Principal, areaPath: string): boolean {
  if (actor.role === 'admin') return true;
  if (!actor.areaPath) return false;
  return areaPath.startsWith(actor.areaPath) || actor.areaPath.startsWith(areaPath);
}
