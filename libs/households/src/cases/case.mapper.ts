import type { AssignmentRow, CaseRow } from './cases.repository';
import type { CaseAssignmentDto, CaseDto } from './dto/case.dto';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

export function toCaseDto(row: CaseRow, assignments?: AssignmentRow[]): CaseDto {
  return {
    id: row.id,
    householdId: row.householdId,
    headName: row.headName,
    communityId: row.communityId,
    communityName: row.communityName,
    status: row.status,
    adviserId: row.adviserId,
    adviserName: row.adviserName,
    openedAt: iso(row.openedAt)!,
    openedBy: row.openedBy,
    closedAt: iso(row.closedAt),
    closeReason: row.closeReason,
    closeNote: row.closeNote,
    version: Number(row.version),
    ...(assignments && { assignments: assignments.map(toAssignmentDto) }),
  };
}

function toAssignmentDto(a: AssignmentRow): CaseAssignmentDto {
  return {
    fromAdviserId: a.fromAdviserId,
    fromAdviserName: a.fromAdviserName,
    toAdviserId: a.toAdviserId,
    toAdviserName: a.toAdviserName,
    reason: a.reason,
    byUserId: a.byUserId,
    byName: a.byName,
    at: new Date(a.at).toISOString(),
  };
}
