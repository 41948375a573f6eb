import type { HouseholdSummaryRow } from './households.repository';
import { toAreaSummaryDto } from '@onedoor/areas';
import { maskIdNumber, maskPhone, type PiiCipher } from '@onedoor/platform';
import type {
  HouseholdDto,
  HouseholdSummaryDto,
  HouseholdWarningDto,
  MemberDto,
  NeedDto,
} from './dto/household.dto';
import { ageOn } from './facts.util';
import type { HouseholdEntity } from './household.entity';
import type { MemberEntity } from './member.entity';
import type { NeedEntity } from './need.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A member as any reader sees it: the identity number's last four only, and the age instead
 * of the birth date, which is eight of the hidden digits (with the last four, the region would
 * be the only unknown, and the check character tells a right guess). `idMasked` is re-masked
 * here so that rows stored in the older region-and-last-four form show the same.
 */
function toMemberDto(m: MemberEntity, today: string): MemberDto {
  return {
    id: m.id,
    name: m.name,
    relation: m.relation,
    isHead: m.isHead,
    idNumber: maskIdNumber(m.idMasked),
    age: ageOn(m.birthDate, today),
    gender: m.gender,
    disabilityGrade: m.disabilityGrade,
    chronicIllness: m.chronicIllness,
    employment: m.employment,
    educationStage: m.educationStage,
    monthlyIncomeFen: m.monthlyIncomeFen,
  };
}

/** Lists show phones masked. */
export function toHouseholdSummaryDto(h: HouseholdEntity, pii: PiiCipher): HouseholdSummaryDto {
  const members = h.members ?? [];
  return {
    id: h.id,
    community: toAreaSummaryDto(h.community!),
    headName: members.find((m) => m.isHead)?.name ?? '',
    phone: h.phoneEnc ? maskPhone(pii.decrypt(h.phoneEnc)) : null,
    size: members.length,
    status: h.status,
    tier: h.tier,
    circle: h.circle,
    nextRevisitAt: iso(h.nextRevisitAt),
  };
}

/** A list row (HouseholdsRepository.list's one statement) as the list shows it. */
export function summaryRowToDto(r: HouseholdSummaryRow, pii: PiiCipher): HouseholdSummaryDto {
  return {
    id: r.id,
    community: {
      id: r.communityId,
      level: r.communityLevel,
      code: r.communityCode,
      name: r.communityName,
    },
    headName: r.headName ?? '',
    phone: r.phoneEnc ? maskPhone(pii.decrypt(r.phoneEnc)) : null,
    size: r.size,
    status: r.status,
    tier: r.tier,
    circle: r.circle,
    nextRevisitAt: iso(r.nextRevisitAt),
  };
}

/**
 * One household, for a reader in scope: the phone in full, identity numbers masked, ages on
 * `today` (a China day).
 */
export function toHouseholdDto(
  h: HouseholdEntity,
  pii: PiiCipher,
  today: string,
  warnings: HouseholdWarningDto[] = [],
): HouseholdDto {
  return {
    ...toHouseholdSummaryDto(h, pii),
    phone: h.phoneEnc ? pii.decrypt(h.phoneEnc) : null,
    residency: h.residency,
    address: h.address,
    tags: h.tags,
    savingsFen: h.savingsFen,
    vehicles: h.vehicles,
    housing: h.housing,
    medicalExpenseFen: h.medicalExpenseFen,
    educationExpenseFen: h.educationExpenseFen,
    graceEndsAt: iso(h.graceEndsAt),
    lastAssessedAt: iso(h.lastAssessedAt),
    members: (h.members ?? []).map((m) => toMemberDto(m, today)),
    warnings,
    version: h.version,
  };
}

export function toNeedDto(n: NeedEntity): NeedDto {
  return {
    id: n.id,
    householdId: n.householdId,
    assessmentId: n.assessmentId,
    categoryCode: n.categoryCode,
    severity: n.severity,
    urgency: n.urgency,
    status: n.status,
    source: n.source,
    note: n.note,
    gapFen: n.gapFen === null ? null : Number(n.gapFen),
    createdAt: n.createdAt.toISOString(),
  };
}
