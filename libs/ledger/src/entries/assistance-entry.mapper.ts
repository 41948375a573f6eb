import type { EntryRow, HistoryRow } from './assistance-entries.repository';
import type { AssistanceEntryDto, AssistanceHistoryItemDto } from './dto/assistance-entry.dto';

const fen = (v: string | null): number | null => (v === null ? null : Number(v));

/** `staff`: the reader may see whose household it is (a provider sees only "recorded"). */
export function toAssistanceEntryDto(row: EntryRow, staff: boolean): AssistanceEntryDto {
  return {
    id: row.id,
    householdId: row.householdId,
    source: row.source,
    referralId: row.referralId,
    providerId: row.providerId,
    grantedBy: row.grantedBy,
    resourceId: row.resourceId,
    needId: row.needId,
    categoryCode: row.categoryCode,
    title: row.title,
    form: row.form,
    frequency: row.frequency,
    amountFen: fen(row.amountFen),
    units: row.units,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    note: row.note,
    voidReason: row.voidReason,
    voidedAt: row.voidedAt ? new Date(row.voidedAt).toISOString() : null,
    recordedByName: row.recordedByName,
    createdAt: new Date(row.createdAt).toISOString(),
    headName: staff ? row.headName : null,
    communityName: staff ? row.communityName : null,
  };
}

export function toHistoryItemDto(row: HistoryRow): AssistanceHistoryItemDto {
  return {
    entryId: row.entryId,
    referralId: row.referralId,
    source: row.source,
    state: row.state,
    providerId: row.providerId,
    grantedBy: row.grantedBy,
    categoryCode: row.categoryCode,
    title: row.title,
    form: row.form,
    frequency: row.frequency,
    amountFen: fen(row.amountFen),
    units: row.units,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    voidReason: row.voidReason,
    recordedByName: row.recordedByName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
