import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PageQueryDto, type Principal, pageOffset } from '@onedoor/platform';
import type { Residency, ResourceForm, Tier } from '@onedoor/resources';
import type {
  AssistanceEntryStatus,
  AssistanceFrequency,
  AssistanceHistoryState,
  AssistanceSource,
} from '../ledger.types';

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
/** What an entry copies from its household when recorded. */
export interface HouseholdFacts {
  id: string;
  /** The household's community path: where the entry counts and who may see it. */
  areaPath: string;
  tier: Tier | null;
  residency: Residency;
}

/** An entry as read for its readers (dates as Beijing days, money as fen strings). */
export interface EntryRow {
  id: string;
  householdId: string;
  source: AssistanceSource;
  referralId: string | null;
  importId: string | null;
  providerId: string | null;
  grantedBy: string;
  resourceId: string | null;
  needId: string | null;
  categoryCode: string;
  title: string;
  form: ResourceForm;
  frequency: AssistanceFrequency;
  amountFen: string | null;
  units: number | null;
  startsOn: string;
  endsOn: string | null;
  status: AssistanceEntryStatus;
  note: string | null;
  voidReason: string | null;
  voidedAt: Date | null;
  areaPath: string;
  recordedById: string | null;
  recordedByName: string | null;
  createdAt: Date;
  headName: string | null;
  communityName: string;
}

/** A row of a household's history: an entry, or a referral approved and not yet delivered. */
export interface HistoryRow {
  entryId: string | null;
  referralId: string | null;
  source: AssistanceSource;
  state: AssistanceHistoryState;
  providerId: string | null;
  grantedBy: string;
  categoryCode: string;
  title: string;
  form: ResourceForm;
  frequency: AssistanceFrequency;
  amountFen: string | null;
  units: number | null;
  startsOn: string;
  endsOn: string | null;
  voidReason: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

export interface EntryFilter {
  householdId?: string;
  categoryCode?: string;
  source?: AssistanceSource;
  from?: string;
  to?: string;
}

// Dates leave PostgreSQL as text: the driver would turn a `date` into a Date at the server's
// midnight, which is another day in Beijing for a server west of it.
const ENTRY_COLUMNS = `
  e.id, e.household_id AS "householdId", e.source, e.referral_id AS "referralId",
  e.import_id AS "importId", e.provider_id AS "providerId", e.granted_by AS "grantedBy",
  e.resource_id AS "resourceId", e.need_id AS "needId", e.category_code AS "categoryCode",
  e.title, e.form, e.frequency, e.amount_fen AS "amountFen", e.units,
  to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn",
  e.status, e.note, e.void_reason AS "voidReason", e.voided_at AS "voidedAt",
  e.area_path AS "areaPath", e.recorded_by_id AS "recordedById", u.display_name AS "recordedByName",
  e.created_at AS "createdAt", c.name AS "communityName",
  (SELECT hm.name FROM household_member hm WHERE hm.household_id = e.household_id AND hm.is_head LIMIT 1) AS "headName"`;

// The household and its community are the households lib's and the area tree's; joined here
// for the head's name and community a staff list shows, in the page's one statement.
const ENTRY_FROM = `
  FROM assistance_entry e
  JOIN household h ON h.id = e.household_id
  JOIN area c ON c.id = h.community_id
  LEFT JOIN app_user u ON u.id = e.recorded_by_id`;

/** No one: a principal without an organization or an area matches nothing. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class AssistanceEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /**
   * The household's community path, tier and residency, which an entry copies. Read straight
   * from the households lib's table (and the area tree) in the caller's transaction: the lib's
   * repository reads through a caller's scope, and a delivery has no caller to scope by.
   */
  async householdFacts(
    householdId: string,
    manager?: EntityManager,
  ): Promise<HouseholdFacts | null> {
    const rows: HouseholdFacts[] = await this.q(manager).query(
      `SELECT h.id, a.path AS "areaPath", h.tier, h.residency
         FROM household h JOIN area a ON a.id = h.community_id WHERE h.id = $1`,
      [householdId],
    );
    return rows[0] ?? null;
  }

  async find(id: string, manager?: EntityManager): Promise<EntryRow | null> {
    const rows: EntryRow[] = await this.q(manager).query(
      `SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the household has an entry of this benefit starting that day (the demo seed's idempotence). */
  async hasEntry(householdId: string, title: string, startsOn: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM assistance_entry WHERE household_id = $1 AND title = $2 AND starts_on = $3::date LIMIT 1`,
      [householdId, title, startsOn],
    );
    return rows.length > 0;
  }

  /** The entry's row locked for a change (void): two voids of one entry serialise. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT 1 FROM assistance_entry WHERE id = $1 FOR UPDATE`, [id]);
  }

  async setVoided(
    manager: EntityManager,
    id: string,
    change: { reason: string; byId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE assistance_entry
          SET status = 'voided', void_reason = $2, voided_by_id = $3, voided_at = $4,
              updated_at = $4, version = version + 1
        WHERE id = $1`,
      [id, change.reason, change.byId, change.at],
    );
  }

  /**
   * A page of entries the caller may list: a provider's users their organization's (as the
   * granting organization); staff those of households in their area; admin all.
   */
  async list(
    filter: EntryFilter,
    page: PageQueryDto,
    principal: Principal,
  ): Promise<{ rows: EntryRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (principal.role === 'provider')
      add((p) => `e.provider_id = ${p}`, principal.providerId ?? NOBODY);
    else if (principal.role !== 'admin') {
      // Paths end with '/', so a prefix never matches a sibling; the path alphabet holds no
      // LIKE wildcards (as applyAreaScope).
      if (!principal.areaPath) where.push('false');
      else add((p) => `e.area_path LIKE ${p}`, `${principal.areaPath}%`);
    }
    if (filter.householdId) add((p) => `e.household_id = ${p}`, filter.householdId);
    if (filter.categoryCode) add((p) => `e.category_code = ${p}`, filter.categoryCode);
    if (filter.source) add((p) => `e.source = ${p}::assistance_source`, filter.source);
    if (filter.from) add((p) => `COALESCE(e.ends_on, 'infinity'::date) >= ${p}::date`, filter.from);
    if (filter.to) add((p) => `e.starts_on <= ${p}::date`, filter.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM assistance_entry e ${clause}`,
      params,
    );
    const rows: EntryRow[] = await this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} ${clause}
        ORDER BY e.starts_on DESC, e.created_at DESC, e.id
        LIMIT ${page.limit} OFFSET ${pageOffset(page)}`,
      params,
    );
    return { rows, total };
  }

  /**
   * The household's history, newest first: its ledger entries (voided ones too) and the
   * OneDoor referrals approved and not yet delivered (open or accepted), which enter the
   * ledger only when delivered. `providerId`: only what that organization granted.
   *
   * The referral, resource and provider tables belong to libs above or below this one; they
   * are read here (read-only, one statement) because the history is one list in one order and
   * the ledger cannot import matching, which sits above it.
   */
  async history(householdId: string, providerId: string | null): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT e.id AS "entryId", e.referral_id AS "referralId", e.source::text AS source,
                e.status::text AS state, e.provider_id AS "providerId", e.granted_by AS "grantedBy",
                e.category_code AS "categoryCode", e.title, e.form::text AS form,
                e.frequency::text AS frequency, e.amount_fen AS "amountFen", e.units,
                to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn",
                to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn", e.void_reason AS "voidReason",
                u.display_name AS "recordedByName", e.created_at AS "createdAt", e.starts_on AS day
           FROM assistance_entry e LEFT JOIN app_user u ON u.id = e.recorded_by_id
          WHERE e.household_id = $1 AND ($2::uuid IS NULL OR e.provider_id = $2)
         UNION ALL
         SELECT NULL, r.id, 'referral', CASE r.status WHEN 'open' THEN 'pending' ELSE 'in_progress' END,
                r.provider_id, p.name, r.category_code, res.title, res.form::text, 'one_off',
                res.value_per_unit_fen, NULL,
                to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), NULL, NULL,
                NULL, r.created_at, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date
           FROM referral r
           JOIN provider p ON p.id = r.provider_id
           JOIN resource res ON res.id = r.resource_id
          WHERE r.household_id = $1 AND r.status IN ('open', 'accepted')
            AND ($2::uuid IS NULL OR r.provider_id = $2)
       ) t ORDER BY day DESC, "createdAt" DESC`,
      [householdId, providerId],
    );
  }
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
