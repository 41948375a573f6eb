import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  type FieldError,
  fieldError,
  ForbiddenError,
  formatYuan,
  isInScope,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  todayInChina,
  TransactionRunner,
  ValidationFailedError,
} from '@onedoor/platform';
import { AreasRepository } from '@onedoor/areas';
import { NeedsRepository } from '@onedoor/households';
import {
  AssistanceEntriesRepository,
  type Benefit,
  householdBenefits,
  stackingConflict,
  stackingConflictError,
  StackingRepository,
} from '@onedoor/ledger';
import { GRANT_STATUS_LABELS } from '../relief.labels';
import type { GrantStatus } from '../relief.types';
import {
  EmergencyGrantsRepository,
  type FundForGrant,
  type GrantRow,
} from './emergency-grants.repository';
import { toEmergencyGrantDto } from './emergency-grant.mapper';
import { GrantLimitsService } from './grant-limits.service';
import {
  type EffectiveLimit,
  GRANT_DECIDERS,
  GRANT_REQUESTERS,
  withinLimit,
} from './grant-limits.util';
import type {
  ApproveGrantDto,
  CancelGrantDto,
  EmergencyGrantDto,
  GrantFundDto,
  GrantFundsQueryDto,
  GrantQueryDto,
  PayGrantDto,
  RejectGrantDto,
  RequestGrantDto,
} from './dto/emergency-grant.dto';

/** The ledger category a grant counts under (the stacking rule: once per 12 months). */
const GRANT_CATEGORY = 'emergency';
/** What a paid grant is called in the household's assistance history. */
const LEDGER_TITLE = '临时救助';
/** What a cancellation after approval is called (decision note, notice). */
const CANCEL_LABEL = '撤销批准';
/** Who reads grants: deciders and requesters, in scope. */
const READERS = GRANT_REQUESTERS;

/**
 * Emergency grants (救急难): requested by staff or an adviser for a household in scope, decided
 * within hours by an officer within their delegated limit, debited atomically from a fund in
 * the approval's transaction, then paid and entered in the assistance ledger.
 *
 * The approval is one transaction in `LOCK_ORDER` (libs/matching): the household's advisory
 * lock first (the stacking rules see every benefit committed before it, ledger entries and
 * other approved grants alike), then the grant's row, and last the fund's conditional debit:
 * the fund row every approver contends for is held only from its update to the commit.
 */
@Injectable()
export class GrantsService {
  private readonly logger = new Logger(GrantsService.name);

  constructor(
    private readonly grants: EmergencyGrantsRepository,
    private readonly limits: GrantLimitsService,
    private readonly entries: AssistanceEntriesRepository,
    private readonly stacking: StackingRepository,
    private readonly needs: NeedsRepository,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly pii: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Requests a grant; resolves to its id. In the caller's transaction when `manager` is given
   * (the emergency intake registers the household and requests its grant in one commit).
   */
  async request(
    actor: Principal,
    input: RequestGrantDto,
    manager?: EntityManager,
  ): Promise<string> {
    if (!GRANT_REQUESTERS.includes(actor.role))
      throw new ForbiddenError('Grants are requested by civil-affairs staff and advisers');
    const work = async (m: EntityManager) => {
      const household = await this.entries.householdFacts(input.householdId, m);
      if (!household || !isInScope(actor, household.areaPath))
        throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      const fund = await this.payingFund(input.fundId, household.areaPath, m);
      const problems: FieldError[] = [];
      this.checkRestriction(fund, 'fundId', problems);
      if (input.needId) {
        const own = await this.needs.ofHousehold(household.id, m);
        if (!own.some((n) => n.id === input.needId))
          problems.push(fieldError('needId', 'unknownNeed', "not one of the household's needs"));
      }
      if (input.leadId && !(await this.grants.leadExists(input.leadId, m)))
        problems.push(fieldError('leadId', 'unknownLead', 'no such lead'));
      if (problems.length) throw new ValidationFailedError('The request is not valid', problems);

      const now = this.clock.now();
      const decisionDueAt = new Date(
        now.getTime() + this.config.reliefGrants.decisionHours * 3_600_000,
      );
      const id = await this.grants.insert(m, {
        householdId: household.id,
        areaPath: household.areaPath,
        fundId: fund.id,
        leadId: input.leadId ?? null,
        needId: input.needId ?? null,
        categoryCode: GRANT_CATEGORY,
        amountFen: input.amountFen,
        // The family's situation: encrypted at rest, as a lead's situation is.
        reason: this.pii.encrypt(input.reason.trim()),
        requestedById: actor.userId,
        decisionDueAt,
      });
      // The reason describes the family's situation: it stays on the grant, not in the audit
      // log or a notice.
      await this.audit.record(m, {
        entityType: 'emergency_grant',
        entityId: id,
        action: 'request',
        actor,
        fromState: null,
        toState: 'requested',
        data: {
          householdId: household.id,
          fundId: fund.id,
          amountFen: String(input.amountFen),
          decisionDueAt: decisionDueAt.toISOString(),
          leadId: input.leadId ?? null,
        },
        areaPath: household.areaPath,
      });
      const row = (await this.grants.find(id, m))!;
      await this.outbox.emit(m, {
        type: 'grant.requested',
        entityType: 'emergency_grant',
        entityId: id,
        areaPath: household.areaPath,
        audience: [{ roles: ['civil_affairs'], areaPath: household.areaPath }],
        data: {
          grantId: id,
          householdId: household.id,
          headName: row.headName,
          communityName: row.communityName,
          amountFen: String(input.amountFen),
          fundName: fund.name,
          dueAt: decisionDueAt.toISOString(),
        },
      });
      return id;
    };
    return manager ? work(manager) : this.tx.run(work);
  }

  /** The funds that may pay a grant for the household (for the request form). */
  async fundsFor(query: GrantFundsQueryDto, actor: Principal): Promise<GrantFundDto[]> {
    if (!GRANT_REQUESTERS.includes(actor.role))
      throw new ForbiddenError('Grants are requested by civil-affairs staff and advisers');
    if (query.householdId && query.communityId)
      throw new ValidationFailedError('Give a household or a community, not both', [
        {
          field: 'communityId',
          constraint: 'grantFundsOneOf',
          message: 'give householdId or communityId, not both',
        },
      ]);
    let path: string;
    if (query.householdId) {
      const household = await this.entries.householdFacts(query.householdId);
      if (!household || !isInScope(actor, household.areaPath))
        throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
      path = household.areaPath;
    } else {
      // A family the emergency intake is about to register: the funds over its community.
      const community = await this.areas.findById(query.communityId!);
      if (!community || community.level !== 'community' || !isInScope(actor, community.path))
        throw new NotFoundError('Area', 'AREA_NOT_FOUND');
      path = community.path;
    }
    return (await this.grants.fundsFor(path, todayInChina(this.clock.now()))).map((f) => ({
      id: f.id,
      name: f.name,
      managingOffice: f.managingOffice,
      balanceFen: Number(f.balanceFen),
      restrictedCategoryCode: f.restrictedCategoryCode,
    }));
  }

  async get(id: string, actor: Principal): Promise<EmergencyGrantDto> {
    const row = await this.grants.find(id);
    if (!row || !this.canSee(actor, row.areaPath)) throw this.notFound();
    return this.toDto(row, actor, await this.limits.limitOf(actor), this.clock.now());
  }

  async list(query: GrantQueryDto, actor: Principal): Promise<Page<EmergencyGrantDto>> {
    if (!READERS.includes(actor.role)) throw new ForbiddenError('Not a reader of grants');
    const { rows, total } = await this.grants.list(query, query, actor);
    const limit = await this.limits.limitOf(actor);
    const now = this.clock.now();
    return {
      items: rows.map((r) => this.toDto(r, actor, limit, now)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  async approve(id: string, dto: ApproveGrantDto, actor: Principal): Promise<EmergencyGrantDto> {
    await this.tx.run((m) => this.approveIn(m, id, dto, actor));
    this.logger.log({ grantId: id }, 'grant approved');
    return this.get(id, actor);
  }

  /** Any refusal is thrown inside the transaction: nothing of the approval is written. */
  private async approveIn(
    m: EntityManager,
    id: string,
    dto: ApproveGrantDto,
    actor: Principal,
  ): Promise<void> {
    const ref = await this.grants.householdOf(id, m);
    if (!ref || !this.canSee(actor, ref.areaPath)) throw this.notFound();
    if (!GRANT_DECIDERS.includes(actor.role))
      throw new ForbiddenError('Grants are decided by civil-affairs staff');
    await this.stacking.lockHousehold(m, ref.householdId);
    const row = (await this.grants.lock(id, m))!;
    this.expectStatus(row, 'requested');
    const amountFen = dto.amountFen ?? Number(row.amountFen);
    const fund = await this.payingFund(dto.fundId ?? row.fundId, row.areaPath, m);
    const problems: FieldError[] = [];
    this.checkRestriction(fund, 'fundId', problems, row.categoryCode);
    if (problems.length) throw new ValidationFailedError('The decision is not valid', problems);

    const limit = await this.limits.limitOf(actor, m);
    if (!withinLimit(limit, amountFen)) {
      const limitYuan = formatYuan(limit.maxFen!);
      throw new DomainError(
        'GRANT_ABOVE_LIMIT',
        `${formatYuan(amountFen)} is above your delegated limit of ${limitYuan}: the level above can approve it`,
        { limitFen: limit.maxFen, limitYuan, amountFen },
      );
    }
    const now = this.clock.now();
    await this.checkStacking(m, row, amountFen, now);

    await this.grants.setApproved(m, id, {
      amountFen,
      fundId: fund.id,
      byId: actor.userId,
      at: now,
      note: dto.note?.trim() || null,
    });
    await this.audit.record(m, {
      entityType: 'emergency_grant',
      entityId: id,
      action: 'approve',
      actor,
      fromState: 'requested',
      toState: 'approved',
      reason: dto.note ?? null,
      data: {
        householdId: row.householdId,
        fundId: fund.id,
        amountFen: String(amountFen),
        requestedFen: row.amountFen,
        limitFen: limit.maxFen === null ? null : String(limit.maxFen),
      },
      areaPath: row.areaPath,
    });
    await this.emitDecided(m, row, GRANT_STATUS_LABELS.approved['zh-CN'], amountFen);
    // Last: the one conditional debit with its movement. No row: the fund cannot pay it, and
    // the throw rolls back everything above (the grant stays requested).
    const balance = await this.grants.debit(m, {
      fundId: fund.id,
      amountFen,
      grantId: id,
      at: now,
      byId: actor.userId,
      // No name: a fund's movements and statement are read across its whole area, the
      // grant (and who it was for) only within the household's scope.
      note: '临时救助',
    });
    if (balance === null) {
      const current = (await this.grants.fund(fund.id, m))!;
      if (current.status !== 'active') throw new DomainError('FUND_INACTIVE', 'The fund is closed');
      throw new DomainError(
        'FUND_INSUFFICIENT',
        `The fund has ${formatYuan(current.balanceFen)} left, less than ${formatYuan(amountFen)}`,
        {
          balanceFen: Number(current.balanceFen),
          balanceYuan: formatYuan(current.balanceFen),
          amountFen,
        },
      );
    }
    // Above its threshold (as read before; the usual case) the fund is not low: no statement.
    if (BigInt(balance) >= BigInt(fund.thresholdFen)) return;
    const low = await this.grants.markLow(m, fund.id, now);
    if (low) {
      await this.outbox.emit(m, {
        type: 'grant.fund_low',
        entityType: 'relief_fund',
        entityId: fund.id,
        areaPath: fund.areaPath,
        audience: [{ roles: ['civil_affairs'], areaPath: fund.areaPath }],
        data: {
          fundId: fund.id,
          name: fund.name,
          managingOffice: fund.managingOffice,
          balanceFen: low.balanceFen,
          thresholdFen: low.thresholdFen,
        },
        dedupKey: `grant.fund_low:${fund.id}:${now.toISOString()}`,
      });
    }
  }

  async reject(id: string, dto: RejectGrantDto, actor: Principal): Promise<EmergencyGrantDto> {
    await this.tx.run(async (m) => {
      const row = await this.lockDecidable(m, id, actor);
      this.expectStatus(row, 'requested');
      const now = this.clock.now();
      await this.grants.setRejected(m, id, 'requested', {
        byId: actor.userId,
        at: now,
        note: dto.reason,
      });
      await this.audit.record(m, {
        entityType: 'emergency_grant',
        entityId: id,
        action: 'reject',
        actor,
        fromState: 'requested',
        toState: 'rejected',
        reason: dto.reason,
        data: { householdId: row.householdId },
        areaPath: row.areaPath,
      });
      await this.emitDecided(m, row, GRANT_STATUS_LABELS.rejected['zh-CN'], Number(row.amountFen));
    });
    return this.get(id, actor);
  }

  /**
   * Approved → rejected, cancelled: approved by mistake, or the family cannot be paid. The
   * fund gets back exactly what the approval debited in the same transaction (an `adjustment`
   * movement), so the money is never out of the fund for a grant that will not be paid; the
   * household's once-per-period slot is free again (the stacking rules count approved and paid
   * grants only). Decided like a rejection (a decider in scope, no limit: undoing spends
   * nothing). A paid grant is in the ledger and is not cancelled here. Same lock order as the
   * approval and the payment — the household's lock, the grant's row, the fund last — so a
   * cancellation and a payment of one grant at once are serialised: one wins, the other finds
   * the grant no longer approved.
   */
  async cancel(id: string, dto: CancelGrantDto, actor: Principal): Promise<EmergencyGrantDto> {
    await this.tx.run(async (m) => {
      const ref = await this.grants.householdOf(id, m);
      if (!ref || !this.canSee(actor, ref.areaPath)) throw this.notFound();
      if (!GRANT_DECIDERS.includes(actor.role))
        throw new ForbiddenError('Grants are decided by civil-affairs staff');
      await this.stacking.lockHousehold(m, ref.householdId);
      const row = (await this.grants.lock(id, m))!;
      this.expectStatus(row, 'approved');
      const now = this.clock.now();
      const reason = dto.reason.trim();
      await this.grants.setRejected(m, id, 'approved', {
        byId: actor.userId,
        at: now,
        note: `${CANCEL_LABEL}：${reason}`,
      });
      await this.audit.record(m, {
        entityType: 'emergency_grant',
        entityId: id,
        action: 'cancel',
        actor,
        fromState: 'approved',
        toState: 'rejected',
        reason,
        data: { householdId: row.householdId, fundId: row.fundId, amountFen: row.amountFen },
        areaPath: row.areaPath,
      });
      await this.emitDecided(m, row, CANCEL_LABEL, Number(row.amountFen));
      // Last: the fund's row. No name in the note (a fund's movements are read area-wide).
      const credit = await this.grants.creditBack(m, {
        grantId: id,
        at: now,
        byId: actor.userId,
        note: '临时救助撤销',
      });
      // An approved grant always has its debit (same transaction as the approval, unique per
      // grant): none means the data is broken, and nothing of the cancellation is written.
      if (!credit) throw new Error(`Approved grant ${id} has no debit to credit back`);
    });
    this.logger.log({ grantId: id }, 'grant cancelled, fund credited');
    return this.get(id, actor);
  }

  /**
   * Approved → paid: the money was handed over. Writes the ledger entry (source `grant`,
   * one-off on today's Beijing date, granted by the fund's managing office) in the same
   * transaction, after the household's lock, as every writer of the ledger takes it.
   */
  async pay(id: string, dto: PayGrantDto, actor: Principal): Promise<EmergencyGrantDto> {
    await this.tx.run(async (m) => {
      const ref = await this.grants.householdOf(id, m);
      if (!ref || !this.canSee(actor, ref.areaPath)) throw this.notFound();
      if (!GRANT_DECIDERS.includes(actor.role))
        throw new ForbiddenError('Grants are paid by civil-affairs staff');
      await this.stacking.lockHousehold(m, ref.householdId);
      const row = (await this.grants.lock(id, m))!;
      this.expectStatus(row, 'approved');
      const fund = (await this.grants.fund(row.fundId, m))!;
      const household = (await this.entries.householdFacts(row.householdId, m))!;
      const now = this.clock.now();
      const day = todayInChina(now);
      const [entryId] = await this.entries.insertMany(m, [
        {
          householdId: row.householdId,
          needId: row.needId,
          source: 'grant',
          grantedBy: fund.managingOffice,
          categoryCode: row.categoryCode,
          title: LEDGER_TITLE,
          form: 'cash',
          frequency: 'one_off',
          amountFen: Number(row.amountFen),
          startsOn: day,
          endsOn: day,
          areaPath: household.areaPath,
          tier: household.tier,
          residency: household.residency,
          note: fund.name,
          recordedById: actor.userId,
        },
      ]);
      await this.grants.setPaid(m, id, {
        byId: actor.userId,
        at: now,
        note: dto.paymentNote.trim(),
        entryId,
      });
      await this.audit.record(m, {
        entityType: 'emergency_grant',
        entityId: id,
        action: 'pay',
        actor,
        fromState: 'approved',
        toState: 'paid',
        data: { householdId: row.householdId, entryId, amountFen: row.amountFen },
        areaPath: row.areaPath,
      });
    });
    return this.get(id, actor);
  }

  /**
   * The ledger's stacking rules for a grant of `amountFen` in its category: the household's
   * active ledger entries and its other grants approved and not yet paid (they enter the
   * ledger when paid) are its benefits. A grant serves no resource, and is not refused because
   * a need is served otherwise: only the rules of its category decide (emergency: once per 12
   * months).
   */
  private async checkStacking(
    m: EntityManager,
    row: GrantRow,
    amountFen: number,
    now: Date,
  ): Promise<void> {
    const entries = (await this.stacking.entriesOf([row.householdId], m)).get(row.householdId)!;
    const pending: Benefit[] = (await this.grants.approvedUnpaidOf(m, row.householdId, row.id)).map(
      (g) => ({
        source: 'grant',
        grantedBy: g.managingOffice,
        title: LEDGER_TITLE,
        categoryCode: g.categoryCode,
        startsOn: g.decidedOn,
        endsOn: g.decidedOn,
        amountFen: Number(g.amountFen),
        resourceId: null,
        needId: g.needId,
      }),
    );
    const conflict = stackingConflict({
      candidate: {
        resourceId: `grant:${row.id}`,
        categoryCode: row.categoryCode,
        valuePerUnitFen: amountFen,
      },
      // No need of its own here: the grant's id matches no benefit's need.
      need: { id: row.id, gapFen: null, hasLiveReferral: false },
      benefits: [...householdBenefits(entries, []), ...pending],
      rules: await this.stacking.rules(m),
      today: todayInChina(now),
    });
    if (conflict) throw stackingConflictError(conflict);
  }

  private async payingFund(
    fundId: string,
    householdPath: string,
    m: EntityManager,
  ): Promise<FundForGrant> {
    const fund = await this.grants.fund(fundId, m);
    // A fund pays for households of its own area: one elsewhere answers as a missing one.
    if (!fund || !householdPath.startsWith(fund.areaPath))
      throw new NotFoundError('Relief fund', 'RELIEF_FUND_NOT_FOUND');
    if (fund.status !== 'active') throw new DomainError('FUND_INACTIVE', 'The fund is closed');
    // A budget period (a reserve fund's year) that has ended pays nothing more.
    if (fund.periodEnd < todayInChina(this.clock.now()))
      throw new DomainError('FUND_PERIOD_ENDED', `The fund's period ended on ${fund.periodEnd}`, {
        periodEnd: fund.periodEnd,
      });
    return fund;
  }

  private checkRestriction(
    fund: FundForGrant,
    field: string,
    problems: FieldError[],
    categoryCode = GRANT_CATEGORY,
  ): void {
    if (fund.restrictedCategoryCode && fund.restrictedCategoryCode !== categoryCode)
      problems.push(
        fieldError(
          field,
          'fundRestricted',
          `the fund pays for ${fund.restrictedCategoryCode} only`,
        ),
      );
  }

  private async lockDecidable(m: EntityManager, id: string, actor: Principal): Promise<GrantRow> {
    const ref = await this.grants.householdOf(id, m);
    if (!ref || !this.canSee(actor, ref.areaPath)) throw this.notFound();
    if (!GRANT_DECIDERS.includes(actor.role))
      throw new ForbiddenError('Grants are decided by civil-affairs staff');
    return (await this.grants.lock(id, m))!;
  }

  private expectStatus(row: GrantRow, status: GrantStatus): void {
    if (row.status !== status)
      throw new DomainError('GRANT_STATE_CONFLICT', `The grant is ${row.status}, not ${status}`, {
        status: row.status,
        statusLabel: GRANT_STATUS_LABELS[row.status]['zh-CN'],
      });
  }

  private async emitDecided(
    m: EntityManager,
    row: GrantRow,
    /** What was decided, in Chinese (the notice's text): a status's label or 撤销批准. */
    decision: string,
    amountFen: number,
  ): Promise<void> {
    if (!row.requestedById) return;
    await this.outbox.emit(m, {
      type: 'grant.decided',
      entityType: 'emergency_grant',
      entityId: row.id,
      areaPath: row.areaPath,
      audience: [{ userIds: [row.requestedById] }],
      data: {
        grantId: row.id,
        householdId: row.householdId,
        headName: row.headName,
        decision,
        amountFen: String(amountFen),
      },
    });
  }

  /** The grant for its reader, its reason decrypted (readers in scope decide on it). */
  private toDto(row: GrantRow, actor: Principal, limit: EffectiveLimit, now: Date) {
    return toEmergencyGrantDto({ ...row, reason: this.pii.decrypt(row.reason) }, actor, limit, now);
  }

  private canSee(actor: Principal, areaPath: string): boolean {
    return READERS.includes(actor.role) && isInScope(actor, areaPath);
  }

  private notFound() {
    return new NotFoundError('Emergency grant', 'GRANT_NOT_FOUND');
  }
}
