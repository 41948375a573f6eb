import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PageQueryDto, pageOffset } from '@onedoor/platform';
import type { DonationStatus, DonorKind } from '../relief.types';

export interface DonationRow {
  id: string;
  fundId: string;
  fundName: string;
  areaPath: string;
  donorKind: DonorKind;
  donorName: string;
  donorPhoneMasked: string | null;
  amountFen: string;
  restrictedCategoryCode: string | null;
  restrictedAreaId: string | null;
  restrictedAreaName: string | null;
  status: DonationStatus;
  pledgedAt: Date;
  receivedAt: Date | null;
  receiptNumber: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  note: string | null;
  recordedByName: string | null;
  version: number;
}

export interface NewDonation {
  fundId: string;
  areaPath: string;
  donorKind: DonorKind;
  donorName: string;
  donorPhoneHmac: string | null;
  donorPhoneEnc: string | null;
  donorPhoneMasked: string | null;
  amountFen: number;
  restrictedCategoryCode: string | null;
  restrictedAreaId: string | null;
  note: string | null;
  recordedById: string;
  at: Date;
}

const DONATION_COLUMNS = `
  d.id, d.fund_id AS "fundId", f.name AS "fundName", d.area_path AS "areaPath",
  d.donor_kind AS "donorKind", d.donor_name AS "donorName",
  d.donor_phone_masked AS "donorPhoneMasked", d.amount_fen AS "amountFen",
  d.restricted_category_code AS "restrictedCategoryCode",
  d.restricted_area_id AS "restrictedAreaId", ra.name AS "restrictedAreaName", d.status,
  d.pledged_at AS "pledgedAt", d.received_at AS "receivedAt", d.receipt_number AS "receiptNumber",
  d.cancelled_at AS "cancelledAt", d.cancel_reason AS "cancelReason", d.note,
  u.display_name AS "recordedByName", d.version`;

// The restricted area's name is the area tree's (the scope index's table, see conventions).
const DONATION_FROM = `
  FROM donation d
  JOIN relief_fund f ON f.id = d.fund_id
  LEFT JOIN area ra ON ra.id = d.restricted_area_id
  LEFT JOIN app_user u ON u.id = d.recorded_by_id`;

/** Every query of the donations. */
@Injectable()
export class DonationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, d: NewDonation): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO donation (fund_id, area_path, donor_kind, donor_name, donor_phone_hmac,
                             donor_phone_enc, donor_phone_masked, amount_fen,
                             restricted_category_code, restricted_area_id, note, recorded_by_id,
                             pledged_at, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, 1)
       RETURNING id`,
      [
        d.fundId,
        d.areaPath,
        d.donorKind,
        d.donorName,
        d.donorPhoneHmac,
        d.donorPhoneEnc,
        d.donorPhoneMasked,
        d.amountFen,
        d.restrictedCategoryCode,
        d.restrictedAreaId,
        d.note,
        d.recordedById,
        d.at,
      ],
    );
    return rows[0].id;
  }

  async find(id: string, manager?: EntityManager): Promise<DonationRow | null> {
    const rows: DonationRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${DONATION_COLUMNS} ${DONATION_FROM} WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listByFund(
    fundId: string,
    filter: { status?: DonationStatus },
    page: PageQueryDto,
  ): Promise<{ rows: DonationRow[]; total: number }> {
    const params: unknown[] = [fundId];
    let where = 'd.fund_id = $1';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND d.status = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM donation d WHERE ${where}`,
      params,
    );
    const rows: DonationRow[] = await this.dataSource.query(
      `SELECT ${DONATION_COLUMNS} ${DONATION_FROM} WHERE ${where}
        ORDER BY d.pledged_at DESC, d.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, pageOffset(page)],
    );
    return { rows, total };
  }

  /**
   * Pledged → received in one conditional statement: of two receives at once, the second waits
   * for the first's row lock, then finds the row no longer pledged and changes nothing. Answers
   * the amount and fund when this call made the change, null otherwise.
   */
  async markReceived(
    manager: EntityManager,
    id: string,
    change: { receiptNumber: string | null; byId: string; at: Date },
  ): Promise<{ fundId: string; amountFen: string } | null> {
    const [rows] = await manager.query(
      `UPDATE donation
          SET status = 'received', received_at = $2, receipt_number = $3, received_by_id = $4,
              updated_at = $2, version = version + 1
        WHERE id = $1 AND status = 'pledged'
        RETURNING fund_id AS "fundId", amount_fen AS "amountFen"`,
      [id, change.at, change.receiptNumber, change.byId],
    );
    return (rows as Array<{ fundId: string; amountFen: string }>)[0] ?? null;
  }

  /** Pledged → cancelled, under the same rule; true when this call made the change. */
  async markCancelled(
    manager: EntityManager,
    id: string,
    change: { reason: string; at: Date },
  ): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE donation
          SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3,
              updated_at = $2, version = version + 1
        WHERE id = $1 AND status = 'pledged'
        RETURNING id`,
      [id, change.at, change.reason],
    );
    return (rows as unknown[]).length > 0;
  }
}
