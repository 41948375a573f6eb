import type { RegistryMatch } from '@onedoor/households';
import { maskPhone, type PiiCipher } from '@onedoor/platform';
import type { LeadMatch } from '../relief.types';
import type { LeadCandidateDto, LeadDto, LeadSummaryDto, MyLeadDto } from './dto/lead.dto';
import { maskName } from './lead-lifecycle';
import type { LeadRow, MyLeadRow } from './leads.repository';

export function toLeadSummaryDto({ lead, communityName }: LeadRow, now: Date): LeadSummaryDto {
  return {
    id: lead.id,
    reference: lead.reference,
    status: lead.status,
    source: lead.source,
    subjectName: lead.subjectName,
    communityId: lead.communityId,
    communityName,
    reportedAt: lead.createdAt,
    triageDueAt: lead.triageDueAt,
    overdue: lead.status === 'reported' && lead.triageDueAt.getTime() < now.getTime(),
    escalatedAt: lead.escalatedAt,
    candidateCount: lead.candidateCount,
  };
}

/** Staff in scope: the situation in clear, identity number and phones masked. */
export function toLeadDto(
  row: LeadRow,
  now: Date,
  pii: PiiCipher,
  matches: RegistryMatch[],
): LeadDto {
  const { lead } = row;
  return {
    ...toLeadSummaryDto(row, now),
    idMasked: lead.idMasked,
    phoneMasked: lead.phoneEnc ? maskPhone(pii.decrypt(lead.phoneEnc)) : null,
    address: lead.address,
    situation: pii.decrypt(lead.situationEnc),
    reporterName: lead.reporterName,
    reporterPhoneMasked: lead.reporterPhoneEnc
      ? maskPhone(pii.decrypt(lead.reporterPhoneEnc))
      : null,
    reporterRelation: lead.reporterRelation,
    triagedAt: lead.triagedAt,
    householdId: lead.householdId,
    closeReason: lead.closeReason,
    closedAt: lead.closedAt,
    candidates: matches.map(toCandidateDto),
  };
}

function toCandidateDto(m: RegistryMatch): LeadCandidateDto {
  const matchedBy: LeadMatch[] = [];
  if (m.byIdNumber) matchedBy.push('idNumber');
  if (m.byPhone) matchedBy.push('phone');
  if (m.byAddress) matchedBy.push('address');
  return {
    householdId: m.householdId,
    headNameMasked: maskName(m.headName ?? ''),
    communityName: m.communityName,
    householdStatus: m.status,
    matchedBy,
  };
}

/** A reporter's own lead: the outcome, the community, the family's name masked. */
export function toMyLeadDto(r: MyLeadRow): MyLeadDto {
  return {
    id: r.id,
    reference: r.reference,
    reportedAt: r.createdAt,
    status: r.status,
    subjectNameMasked: maskName(r.subjectName),
    communityName: r.communityName,
  };
}
