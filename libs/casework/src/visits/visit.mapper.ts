import type { DueVisitDto, NoteReadDto, VisitDto } from './dto/visit.dto';
import { VISIT_OVERDUE_DAYS } from './visit.types';
import type { DueVisitRow, NoteReadRow, VisitRow } from './visits.repository';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

/** Still due {@link VISIT_OVERDUE_DAYS} days after its date (a flag, not a state a job writes). */
export function isOverdue(status: string, dueAt: Date | string | null, now: Date): boolean {
  return (
    status === 'due' &&
    dueAt !== null &&
    now.getTime() - new Date(dueAt).getTime() > VISIT_OVERDUE_DAYS * 24 * 3600_000
  );
}

export function toVisitDto(
  v: VisitRow,
  shown: { note: string | null; noteHidden: boolean; noteEditable: boolean; now: Date },
): VisitDto {
  return {
    id: v.id,
    caseId: v.caseId,
    kind: v.kind,
    status: v.status,
    dueAt: iso(v.dueAt),
    occurredAt: iso(v.occurredAt),
    recordedBy: v.recordedBy,
    recordedByName: v.recordedByName,
    note: shown.note,
    noteHidden: shown.noteHidden,
    overdue: isOverdue(v.status, v.dueAt, shown.now),
    noteEditable: shown.noteEditable,
    version: Number(v.version),
    createdAt: iso(v.createdAt)!,
  };
}

export function toDueVisitDto(r: DueVisitRow, now: Date): DueVisitDto {
  return {
    id: r.id,
    caseId: r.caseId,
    householdId: r.householdId,
    headName: r.headName,
    communityName: r.communityName,
    kind: r.kind,
    dueAt: iso(r.dueAt)!,
    adviserId: r.adviserId,
    adviserName: r.adviserName,
    overdue: isOverdue('due', r.dueAt, now),
  };
}

export function toNoteReadDto(r: NoteReadRow): NoteReadDto {
  return {
    visitId: r.visitId,
    readerId: r.readerId,
    readerName: r.readerName,
    purpose: r.purpose,
    readAt: iso(r.readAt)!,
  };
}
