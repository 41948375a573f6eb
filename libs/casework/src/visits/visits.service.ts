import { Injectable } from '@nestjs/common';
import {
  AuditService,
  Clock,
  DomainError,
  ForbiddenError,
  NotFoundError,
  type Page,
  type PageQueryDto,
  PiiCipher,
  type Principal,
  StaleVersionError,
  TransactionRunner,
} from '@onedoor/platform';
import { type CaseRow, CasesRepository } from '@onedoor/households';
import type { EntityManager } from 'typeorm';
import type {
  CorrectVisitNoteDto,
  DueVisitDto,
  DueVisitQueryDto,
  NoteReadDto,
  RecordVisitDto,
  VisitDto,
} from './dto/visit.dto';
import { toDueVisitDto, toNoteReadDto, toVisitDto } from './visit.mapper';
import {
  COMPLETING_KINDS,
  NOTE_CORRECTION_DAYS,
  type NoteReadPurpose,
  VISIT_SCHEDULE_LEAD_DAYS,
} from './visit.types';
import { VisitsRepository, type VisitRow } from './visits.repository';

const DAY_MS = 24 * 3600_000;
const STAFF: readonly string[] = ['assessor', 'civil_affairs', 'admin'];
/** A clock a few minutes ahead on the adviser's phone is not a visit in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Visits and their notes on a case. A note is personal data: stored only encrypted, decrypted
 * only for the case's current adviser and the supervisors in scope (civil-affairs staff whose
 * area covers the household, admin), and each decryption is recorded (case_note_read) in the
 * request that shows it. Others who see the case see that a visit happened, not what was said.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly visits: VisitsRepository,
    private readonly pii: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(caseId: string, principal: Principal): Promise<VisitDto[]> {
    const row = await this.visibleCase(caseId, principal);
    return this.tx.run(async (manager) =>
      this.present(row, await this.visits.ofCase(caseId, manager), principal, 'list', manager),
    );
  }

  /**
   * Records a visit made. A home visit or phone call made while the case has a visit due, no
   * earlier than the schedule's lead time before its date, completes the earliest due one (that
   * row becomes the record: one visit, not two); other kinds and earlier visits are recorded
   * beside it. The case row's lock serialises two recordings of one case.
   */
  async record(caseId: string, dto: RecordVisitDto, actor: Principal): Promise<VisitDto> {
    return this.tx.run(async (manager) => {
      await this.visibleCase(caseId, actor, manager);
      await this.cases.lock(caseId, manager);
      // Read again under the lock: a hand-over committed since the first read has moved the
      // adviser, and the former one neither writes nor reads back a note any more.
      const row = await this.visibleCase(caseId, actor, manager);
      this.mayWrite(row, actor);
      const now = this.clock.now();
      const occurredAt = new Date(dto.occurredAt);
      if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
        throw new DomainError('CASE_VISIT_IN_FUTURE', 'The visit time is in the future');
      if (row.status !== 'open')
        throw new DomainError('CASE_STATE_CONFLICT', 'Visits are recorded on an open case only');
      const made = {
        kind: dto.kind,
        status: 'done' as const,
        occurredAt,
        recordedBy: actor.userId,
        recordedAt: now,
        noteEnc: this.pii.encryptBytes(Buffer.from(dto.note, 'utf8')),
      };
      const earliest = COMPLETING_KINDS.includes(dto.kind)
        ? await this.visits.openDue(caseId, manager)
        : null;
      // A visit made before the due one's lead time (entered late) is not that visit: completing
      // it would count the due visit made on time. Later due ones start later still.
      const due =
        earliest &&
        (!earliest.dueAt ||
          occurredAt.getTime() >= earliest.dueAt.getTime() - VISIT_SCHEDULE_LEAD_DAYS * DAY_MS)
          ? earliest
          : null;
      let id: string;
      if (due) {
        id = due.id;
        await this.visits.update(id, made, manager);
      } else {
        id = await this.visits.insert({ caseId, ...made }, manager);
      }
      await this.audit.record(manager, {
        entityType: 'case_visit',
        entityId: id,
        action: 'record',
        actor,
        fromState: due ? 'due' : null,
        toState: 'done',
        // No note here: the audit log is not encrypted.
        data: {
          householdId: row.householdId,
          caseId,
          kind: dto.kind,
          occurredAt: occurredAt.toISOString(),
          completedDueAt: due?.dueAt?.toISOString() ?? null,
        },
        areaPath: row.communityPath,
      });
      return this.one(row, id, actor, 'record', manager);
    });
  }

  /** Its author corrects a note within {@link NOTE_CORRECTION_DAYS} days of recording it. */
  async correct(
    caseId: string,
    visitId: string,
    dto: CorrectVisitNoteDto,
    actor: Principal,
  ): Promise<VisitDto> {
    return this.tx.run(async (manager) => {
      await this.visibleCase(caseId, actor, manager);
      // The case before the visit, as recording takes them; read again under the lock, so an
      // author who lost the case to a hand-over meanwhile neither rewrites nor reads it back.
      await this.cases.lock(caseId, manager);
      const row = await this.visibleCase(caseId, actor, manager);
      const found = await this.visits.findOfCase(caseId, visitId, manager);
      if (!found) throw new NotFoundError('Visit', 'CASE_VISIT_NOT_FOUND');
      const current = await this.visits.lock(visitId, manager);
      if (current.recordedBy !== actor.userId || !this.mayRead(row, actor))
        throw new DomainError('CASE_VISIT_NOTE_FORBIDDEN', 'Only its author corrects a note', {
          reason: 'not_author',
        });
      if (current.version !== dto.version)
        throw new StaleVersionError('Visit', dto.version, current.version);
      const now = this.clock.now();
      if (
        !current.recordedAt ||
        now.getTime() - current.recordedAt.getTime() > NOTE_CORRECTION_DAYS * DAY_MS
      )
        throw new DomainError(
          'CASE_VISIT_CORRECTION_CLOSED',
          `A note is corrected within ${NOTE_CORRECTION_DAYS} days`,
          { days: NOTE_CORRECTION_DAYS },
        );
      await this.visits.update(
        visitId,
        { noteEnc: this.pii.encryptBytes(Buffer.from(dto.note, 'utf8')) },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'case_visit',
        entityId: visitId,
        action: 'correct_note',
        actor,
        data: { householdId: row.householdId, caseId },
        areaPath: row.communityPath,
      });
      return this.one(row, visitId, actor, 'correct', manager);
    });
  }

  /** Who read which note of the case (for supervisors: the route admits civil affairs and admin). */
  async noteReads(
    caseId: string,
    query: PageQueryDto,
    principal: Principal,
  ): Promise<Page<NoteReadDto>> {
    await this.visibleCase(caseId, principal);
    const { rows, total } = await this.visits.reads(caseId, query);
    return { items: rows.map(toNoteReadDto), page: query.page, limit: query.limit, total };
  }

  /** Due visits across the caller's scope, or caseload (`assignedTo=me`), due first. */
  async due(query: DueVisitQueryDto, principal: Principal): Promise<Page<DueVisitDto>> {
    const { rows, total } = await this.visits.due(
      {
        adviserId: query.assignedTo === 'me' ? principal.userId : undefined,
        until: query.until ? new Date(query.until) : undefined,
      },
      query,
      principal,
    );
    const now = this.clock.now();
    return {
      items: rows.map((r) => toDueVisitDto(r, now)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** The case's current adviser, and the supervisors in scope (the case is visible to them). */
  private mayRead(row: CaseRow, principal: Principal): boolean {
    return (
      principal.role === 'admin' ||
      principal.role === 'civil_affairs' ||
      (principal.role === 'assessor' && row.adviserId === principal.userId)
    );
  }

  /** One writes only the notes one may read. */
  private mayWrite(row: CaseRow, principal: Principal): void {
    if (!this.mayRead(row, principal))
      throw new DomainError(
        'CASE_VISIT_NOTE_FORBIDDEN',
        'Only the adviser and supervisors write notes',
        {
          reason: 'not_adviser',
        },
      );
  }

  private async visibleCase(
    id: string,
    principal: Principal,
    manager?: EntityManager,
  ): Promise<CaseRow> {
    // The routes admit staff only; the service says so too (a provider's account has an area).
    if (!STAFF.includes(principal.role)) throw new ForbiddenError('Cases are worked by staff');
    const row = await this.cases.findVisible(id, principal, manager);
    if (!row) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    return row;
  }

  private async one(
    row: CaseRow,
    visitId: string,
    principal: Principal,
    purpose: NoteReadPurpose,
    manager: EntityManager,
  ): Promise<VisitDto> {
    const visit = (await this.visits.findOfCase(row.id, visitId, manager))!;
    const [dto] = await this.present(row, [visit], principal, purpose, manager);
    return dto;
  }

  /** The visits as the reader may see them; each note decrypted for them is recorded, in the same transaction. */
  private async present(
    row: CaseRow,
    visits: VisitRow[],
    principal: Principal,
    purpose: NoteReadPurpose,
    manager: EntityManager,
  ): Promise<VisitDto[]> {
    const readable = this.mayRead(row, principal);
    const now = this.clock.now();
    const reads: Parameters<VisitsRepository['insertReads']>[0] = [];
    const dtos = visits.map((v) => {
      let note: string | null = null;
      if (readable && v.noteEnc) {
        note = this.pii.decryptBytes(v.noteEnc).toString('utf8');
        reads.push({
          caseId: row.id,
          visitId: v.id,
          readerId: principal.userId,
          purpose,
          readAt: now,
        });
      }
      return toVisitDto(v, {
        note,
        noteHidden: !readable && v.noteEnc !== null,
        noteEditable:
          readable &&
          v.recordedBy === principal.userId &&
          v.recordedAt !== null &&
          now.getTime() - v.recordedAt.getTime() <= NOTE_CORRECTION_DAYS * DAY_MS,
        now,
      });
    });
    await this.visits.insertReads(reads, manager);
    return dtos;
  }
}
