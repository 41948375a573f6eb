import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Residency, ResourceForm, Tier } from '@onedoor/resources';
import type { AssistanceFrequency, AssistanceSource } from '../ledger.types';

/** What every writer of the ledger gives (deliveries, departments' entries, imported rows). */
export interface NewAssistanceEntry {
  householdId: string;
  memberId?: string | null;
  needId?: string | null;
  source: AssistanceSource;
  referralId?: string | null;
  importId?: string | null;
  providerId?: string | null;
  grantedBy: string;
  resourceId?: string | null;
  categoryCode: string;
  title: string;
  form: ResourceForm;
  frequency: AssistanceFrequency;
  amountFen: number | null;
  units?: number | null;
  /** YYYY-MM-DD, Beijing. */
  startsOn: string;
  endsOn: string | null;
  areaPath: string;
  tier: Tier | null;
  residency: Residency;
  note?: string | null;
  recordedById: string | null;
}

/**
 * Writes ledger entries in the caller's transaction (the delivery, the department's entry with
 * its audit row, an import's batch commit with their own). One multi-row insert however many;
 * a referral's delivery is written once (the unique index on referral_id).
 */
@Injectable()
export class AssistanceEntriesRepository {
  async insertMany(manager: EntityManager, entries: NewAssistanceEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const col = <K extends keyof NewAssistanceEntry>(k: K) => entries.map((e) => e[k] ?? null);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO assistance_entry (household_id, member_id, need_id, source, referral_id, import_id,
              provider_id, granted_by, resource_id, category_code, title, form, frequency, amount_fen,
              units, starts_on, ends_on, area_path, tier, residency, note, recorded_by_id, version)
       SELECT t.household_id, t.member_id, t.need_id, t.source::assistance_source, t.referral_id, t.import_id,
              t.provider_id, t.granted_by, t.resource_id, t.category_code, t.title, t.form::resource_form,
              t.frequency::assistance_frequency, t.amount_fen, t.units, t.starts_on, t.ends_on, t.area_path,
              t.tier::household_tier, t.residency::residency, t.note, t.recorded_by_id, 1
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[],
                     $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[],
                     $15::int[], $16::date[], $17::date[], $18::text[], $19::text[], $20::text[], $21::text[], $22::uuid[])
           AS t(household_id, member_id, need_id, source, referral_id, import_id, provider_id, granted_by,
                resource_id, category_code, title, form, frequency, amount_fen, units, starts_on, ends_on,
                area_path, tier, residency, note, recorded_by_id)
       ON CONFLICT (referral_id) WHERE referral_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        col('householdId'),
        col('memberId'),
        col('needId'),
        col('source'),
        col('referralId'),
        col('importId'),
        col('providerId'),
        col('grantedBy'),
        col('resourceId'),
        col('categoryCode'),
        col('title'),
        col('form'),
        col('frequency'),
        col('amountFen'),
        col('units'),
        col('startsOn'),
        col('endsOn'),
        col('areaPath'),
        col('tier'),
        col('residency'),
        col('note'),
        col('recordedById'),
      ],
    );
    return rows.map((r) => r.id);
  }
}
