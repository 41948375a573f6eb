import type { DonationRow } from './donations.repository';
import type { DonationDto } from './dto/donation.dto';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The donor's phone only masked: the clear number is for the fund's office, not the API. */
export function toDonationDto(row: DonationRow): DonationDto {
  return {
    id: row.id,
    fundId: row.fundId,
    fundName: row.fundName,
    donorKind: row.donorKind,
    donorName: row.donorName,
    donorPhone: row.donorPhoneMasked,
    amountFen: Number(row.amountFen),
    restrictedCategoryCode: row.restrictedCategoryCode,
    restrictedAreaId: row.restrictedAreaId,
    restrictedAreaName: row.restrictedAreaName,
    status: row.status,
    pledgedAt: new Date(row.pledgedAt).toISOString(),
    receivedAt: iso(row.receivedAt),
    receiptNumber: row.receiptNumber,
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    note: row.note,
    recordedByName: row.recordedByName,
    version: row.version,
  };
}
