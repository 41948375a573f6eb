import type { CaseAssignmentEntity } from './case.entity';
import type { CaseRow } from './cases.repository';
import type { CaseAssignmentDto, CaseDto } from './dto/case.dto';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();

export function toCaseDto(row: CaseRow, assignments?: CaseAssignmentEntity[]): CaseDto {
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

function toAssignmentDto(a: CaseAssignmentEntity): CaseAssignmentDto {
  return {
    fromAdviserId: a.fromAdviserId,
    toAdviserId: a.toAdviserId,
    reason: a.reason,
    byUserId: a.byUserId,
    at: a.at.toISOString(),
  };
}
