import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AreasRepository } from '@onedoor/areas';
import { HouseholdsRepository, normaliseIdNumber, phoneDigest } from '@onedoor/households';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  DomainError,
  EventOutbox,
  fieldError,
  isInScope,
  maskIdNumber,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  type Role,
  todayInChina,
  TransactionRunner,
  UsersRepository,
  ValidationFailedError,
} from '@onedoor/platform';
import { LEAD_STATUS_LABELS } from '../relief.labels';
import type { LeadSource, LeadStatus } from '../relief.types';
import type {
  CloseLeadDto,
  LeadContactDto,
  LeadDto,
  LeadQueryDto,
  LeadReceiptDto,
  LeadSummaryDto,
  MyLeadDto,
  PublicReportLeadDto,
  ReportLeadDto,
} from './dto/lead.dto';
import { canMoveLead, leadReference, maskName } from './lead-lifecycle';
import { toLeadDto, toLeadSummaryDto, toMyLeadDto } from './lead.mapper';
import { LeadThrottleService } from './lead-throttle.service';
import { LeadsRepository, type NewLead } from './leads.repository';

/** Where a signed-in lead comes from, by the reporter's role (evaluators report as citizens). */
const SOURCE_OF: Record<Role, LeadSource> = {
  admin: 'staff',
  civil_affairs: 'staff',
  assessor: 'assessor',
  provider: 'provider',
  evaluator: 'public',
  reporter: 'reporter',
};

/** `138 1234-5678` is kept as `13812345678` (what staff dial and what is masked). */
const cleanPhone = (phone: string) => phone.replace(/[\s-]/g, '');

/** Who triages: the community's civil-affairs staff and assessors (and those above), admin. */
const TRIAGERS: readonly Role[] = ['admin', 'civil_affairs', 'assessor'];

/**
 * Leads (线索): a family in sudden difficulty reported by anyone, checked against the
 * registry, routed to the community's staff with a triage deadline of hours, and ended as a
 * linked or registered household or closed with a reason. Reporters see only what became of
 * their own leads; the public form's answer is a reference number and nothing else.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly households: HouseholdsRepository,
    private readonly areas: AreasRepository,
    private readonly users: UsersRepository,
    private readonly throttle: LeadThrottleService,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A signed-in user's report: the source is their role, the reporter their own name. */
  async report(dto: ReportLeadDto, actor: Principal): Promise<MyLeadDto> {
    const user = await this.users.findById(actor.userId);
    const id = await this.store(dto, {
      source: SOURCE_OF[actor.role],
      reporterName: user?.displayName ?? actor.username,
      actor,
    });
    const row = await this.leads.find(id);
    return toMyLeadDto({
      id,
      reference: row!.lead.reference,
      createdAt: row!.lead.createdAt,
      status: row!.lead.status,
      subjectName: row!.lead.subjectName,
      communityName: row!.communityName,
    });
  }

  /**
   * The public form. The throttle first (every well-formed report counts); a filled honeypot
   * gets a reference shaped like a real one and nothing is stored or sent.
   */
  async reportPublic(dto: PublicReportLeadDto, address: string): Promise<LeadReceiptDto> {
    await this.throttle.consume(address);
    if (dto.website && dto.website.trim() !== '') return { reference: this.newReference() };
    const id = await this.store(dto, {
      source: 'public',
      reporterName: dto.reporterName.trim(),
      actor: null,
    });
    const row = await this.leads.find(id);
    return { reference: row!.lead.reference };
  }

  private async store(
    dto: ReportLeadDto,
    by: { source: LeadSource; reporterName: string; actor: Principal | null },
  ): Promise<string> {
    const now = this.clock.now();
    return this.tx.run(async (manager) => {
      const community = await this.areas.findById(dto.communityId, manager);
      if (!community || community.level !== 'community')
        throw new ValidationFailedError('Choose a community or village', [
          fieldError('communityId', 'leadCommunity', 'not a community or village'),
        ]);
      const idNumber = dto.idNumber ? normaliseIdNumber(dto.idNumber) : null;
      const idHmac = idNumber ? this.pii.digest(idNumber) : null;
      const phoneHmac = dto.phone ? phoneDigest(this.pii, dto.phone) : null;
      const address = dto.address?.trim() || null;
      // The registry check, everywhere: the count guides the queue; the triage page lists the
      // candidates within the reader's own scope.
      const matches = await this.households.registryMatches(
        { idHmac, phoneHmac, communityId: community.id, address, scopePath: null },
        manager,
      );
      const triageDueAt = new Date(now.getTime() + this.config.leads.triageHours * 3_600_000);
      const reference = this.newReference();
      const id = await this.leads.insert(manager, {
        reference,
        status: 'reported',
        source: by.source,
        reportedById: by.actor?.userId ?? null,
        reporterName: by.reporterName,
        reporterPhoneEnc: dto.reporterPhone
          ? this.pii.encrypt(cleanPhone(dto.reporterPhone))
          : null,
        reporterRelation: dto.reporterRelation?.trim() || null,
        subjectName: dto.subjectName.trim(),
        idHmac,
        idEnc: idNumber ? this.pii.encrypt(idNumber) : null,
        idMasked: idNumber ? maskIdNumber(idNumber) : null,
        phoneHmac,
        phoneEnc: dto.phone ? this.pii.encrypt(cleanPhone(dto.phone)) : null,
        communityId: community.id,
        areaPath: community.path,
        address,
        situationEnc: this.pii.encrypt(dto.situation.trim()),
        triageDueAt,
        candidateCount: matches.length,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(manager, {
        entityType: 'lead',
        entityId: id,
        action: 'report',
        actor: by.actor,
        toState: 'reported',
        // No personal data: the audit log is not encrypted.
        data: { source: by.source, reference, candidates: matches.length },
        areaPath: community.path,
      });
      await this.outbox.emit(manager, {
        type: 'lead.reported',
        entityType: 'lead',
        entityId: id,
        areaPath: community.path,
        audience: [{ roles: ['civil_affairs', 'assessor'], areaPath: community.path }],
        data: {
          leadId: id,
          reference,
          subject: maskName(dto.subjectName),
          area: community.name,
          dueAt: triageDueAt.toISOString(),
          source: by.source,
          candidates: matches.length,
        },
        dedupKey: `lead.reported:${id}`,
      });
      return id;
    });
  }

  async list(query: LeadQueryDto, actor: Principal): Promise<Page<LeadSummaryDto>> {
    if (!TRIAGERS.includes(actor.role)) throw this.notFound();
    const now = this.clock.now();
    const { rows, total } = await this.leads.queue(query, actor, now);
    return {
      items: rows.map((r) => toLeadSummaryDto(r, now)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  async mine(query: LeadQueryDto, actor: Principal): Promise<Page<MyLeadDto>> {
    const { rows, total } = await this.leads.mine(actor.userId, query);
    return { items: rows.map(toMyLeadDto), page: query.page, limit: query.limit, total };
  }

  /** Staff in scope: the lead with its situation decrypted and the candidates they may see. */
  async get(id: string, actor: Principal): Promise<LeadDto> {
    const row = await this.leads.find(id);
    if (!row || !this.maySee(actor, row.lead)) throw this.notFound();
    const matches = await this.households.registryMatches({
      idHmac: row.lead.idHmac,
      phoneHmac: row.lead.phoneHmac,
      communityId: row.lead.communityId,
      address: row.lead.address,
      scopePath: actor.role === 'admin' ? null : actor.areaPath,
    });
    return toLeadDto(row, this.clock.now(), this.pii, matches);
  }

  /**
   * How to reach the family and the reporter, decrypted, for the same staff as `get` (404 the
   * same way otherwise). Each read writes an audit row in the same transaction, so supervisors
   * see who looked and from which page; the row holds no number (the audit log is not
   * encrypted). A lead is not a household, so the household access log does not fit; the
   * audit log is where a lead's history already is.
   */
  async contact(id: string, actor: Principal, page: string): Promise<LeadContactDto> {
    return this.tx.run(async (manager) => {
      const row = await this.leads.find(id, manager);
      if (!row || !this.maySee(actor, row.lead)) throw this.notFound();
      const { lead } = row;
      await this.audit.record(manager, {
        entityType: 'lead',
        entityId: id,
        action: 'contact_read',
        actor,
        data: { page },
        areaPath: lead.areaPath,
      });
      return {
        phone: lead.phoneEnc ? this.pii.decrypt(lead.phoneEnc) : null,
        reporterPhone: lead.reporterPhoneEnc ? this.pii.decrypt(lead.reporterPhoneEnc) : null,
        idNumber: lead.idEnc ? this.pii.decrypt(lead.idEnc) : null,
      };
    });
  }

  async triage(id: string, note: string | undefined, actor: Principal): Promise<LeadDto> {
    await this.move(id, 'triaged', actor, { reason: note?.trim() || null });
    return this.get(id, actor);
  }

  async link(id: string, householdId: string, actor: Principal): Promise<LeadDto> {
    await this.move(id, 'linked', actor, { householdId });
    return this.get(id, actor);
  }

  async close(id: string, dto: CloseLeadDto, actor: Principal): Promise<LeadDto> {
    await this.move(id, 'closed', actor, { reason: dto.reason.trim() });
    return this.get(id, actor);
  }

  /**
   * The emergency intake registered (or updated) the lead's household: the lead ends as
   * `registered`, in the intake's transaction. The actor must have the lead in scope.
   */
  async markRegistered(
    manager: EntityManager,
    leadId: string,
    householdId: string,
    actor: Principal,
  ): Promise<void> {
    await this.moveWith(manager, leadId, 'registered', actor, { householdId });
  }

  private async move(
    id: string,
    to: LeadStatus,
    actor: Principal,
    extra: { householdId?: string; reason?: string | null },
  ): Promise<void> {
    await this.tx.run((manager) => this.moveWith(manager, id, to, actor, extra));
  }

  /** One decision on a lead, its audit row and its notice to the reporter, together. */
  private async moveWith(
    manager: EntityManager,
    id: string,
    to: LeadStatus,
    actor: Principal,
    extra: { householdId?: string; reason?: string | null },
  ): Promise<void> {
    const lead = await this.leads.lock(id, manager);
    if (!lead || !this.maySee(actor, lead)) throw this.notFound();
    if (!canMoveLead(lead.status, to))
      throw new DomainError('LEAD_STATE_INVALID', `A ${lead.status} lead cannot become ${to}`);
    if (extra.householdId) {
      const household = await this.households.findVisible(extra.householdId, actor, manager);
      if (!household) throw new NotFoundError('Household', 'LEAD_HOUSEHOLD_NOT_FOUND');
    }
    const now = this.clock.now();
    const set: NewLead = { status: to };
    // The first decision is the triage, whichever it is (the report's "triaged in time").
    if (!lead.triagedAt) Object.assign(set, { triagedAt: now, triagedById: actor.userId });
    if (extra.householdId) set.householdId = extra.householdId;
    if (to === 'closed') Object.assign(set, { closeReason: extra.reason, closedAt: now });
    await this.leads.update(manager, id, set);
    await this.audit.record(manager, {
      entityType: 'lead',
      entityId: id,
      action:
        to === 'triaged'
          ? 'triage'
          : to === 'linked'
            ? 'link'
            : to === 'registered'
              ? 'register'
              : 'close',
      actor,
      fromState: lead.status,
      toState: to,
      reason: extra.reason ?? null,
      data: extra.householdId ? { householdId: extra.householdId } : {},
      areaPath: lead.areaPath,
    });
    if (lead.reportedById && lead.reportedById !== actor.userId)
      await this.outbox.emit(manager, {
        type: 'lead.outcome',
        entityType: 'lead',
        entityId: id,
        areaPath: lead.areaPath,
        audience: [{ userIds: [lead.reportedById] }],
        data: {
          leadId: id,
          reference: lead.reference,
          subject: maskName(lead.subjectName),
          outcome: LEAD_STATUS_LABELS[to]['zh-CN'],
          outcomeEn: LEAD_STATUS_LABELS[to].en,
        },
        dedupKey: `lead.outcome:${id}:${to}`,
      });
  }

  /** Staff and assessors whose scope holds the lead's community, and admin. */
  private maySee(actor: Principal, lead: { areaPath: string }): boolean {
    return TRIAGERS.includes(actor.role) && isInScope(actor, lead.areaPath);
  }

  private newReference(): string {
    return leadReference(todayInChina(this.clock.now()), randomBytes(6));
  }

  private notFound() {
    return new NotFoundError('Lead', 'LEAD_NOT_FOUND');
  }
}
