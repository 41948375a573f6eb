import type { EntityManager } from 'typeorm';
import type { AssistanceFrequency } from '@onedoor/ledger';
import { fen } from '../report-rows';
import type { AssistanceGroup } from './assistance-reports.dto';

/** A China calendar month and its days (the month running only to today). */
export interface LedgerMonth {
  month: string;
  first: string;
  last: string;
}

/** The figures of a group (`key`) or a month (`month`); both null on the total row. */
export interface AssistanceFigures {
  key: string | null;
  month: string | null;
  householdTimes: number;
  amountFen: number;
  households: number;
}

/**
 * The group an entry counts in. Residency and tier are the entry's copies (as they were when
 * recorded); urban/rural is the household's community (`area.rural`), the only place it is kept.
 */
const GROUP_SQL: Record<AssistanceGroup, string> = {
  source: 'e.source::text',
  category: 'e.category_code',
  residency: 'e.residency::text',
  tier: `coalesce(e.tier::text, '')`,
  urbanRural: `CASE WHEN c.rural THEN 'rural' ELSE 'urban' END`,
};

/**
 * The bulletin figures of the active ledger entries recorded in the scope ($1, the entry's own
 * area path, as it was when recorded), one row per (entry, month of the period it falls in):
 * a one-off's single date lies in one month; a monthly entry runs in every month from its start
 * to its end (none: still running) — both are "the entry's days overlap the month's", since a
 * one-off starts and ends on its date. Each such row is one household-time (户次) and adds the
 * entry's amount (per month for monthly ones); households (户数) are distinct per group.
 * Grouped per `group` (or per month when null), with the total (GROUPING SETS `()`).
 */
export async function assistanceFigures(
  m: EntityManager,
  path: string,
  months: LedgerMonth[],
  group: AssistanceGroup | null,
): Promise<AssistanceFigures[]> {
  if (months.length === 0) return [];
  const key = group ? GROUP_SQL[group] : 'NULL::text';
  const rows: Array<{
    key: string | null;
    month: string | null;
    householdTimes: number;
    amountFen: string;
    households: number;
  }> = await m.query(
    `WITH mo AS (
       SELECT * FROM unnest($2::text[], $3::date[], $4::date[]) AS mo(month, first_day, last_day)
     ),
     x AS (
       SELECT mo.month, e.household_id, coalesce(e.amount_fen, 0) AS amount_fen, ${key} AS key
         FROM assistance_entry e
         JOIN mo ON e.starts_on <= mo.last_day AND coalesce(e.ends_on, 'infinity'::date) >= mo.first_day
         JOIN household h ON h.id = e.household_id
         JOIN area c ON c.id = h.community_id
        WHERE e.status = 'active' AND e.area_path LIKE $1 || '%'
     )
     SELECT ${
       group
         ? 'CASE WHEN grouping(key) = 0 THEN key END AS key, NULL::text AS month'
         : 'NULL::text AS key, CASE WHEN grouping(month) = 0 THEN month END AS month'
     },
            count(*)::int AS "householdTimes",
            sum(amount_fen)::text AS "amountFen",
            count(DISTINCT household_id)::int AS households
       FROM x
      GROUP BY GROUPING SETS (${group ? '(key)' : '(month)'}, ())`,
    [path, months.map((x) => x.month), months.map((x) => x.first), months.map((x) => x.last)],
  );
  return rows.map((r) => ({ ...r, amountFen: fen(r.amountFen ?? 0) }));
}

export interface MissedAssistanceRecord {
  householdId: string;
  communityId: string;
  communityName: string;
  tier: string | null;
  needCategories: string[];
  lastAssistedOn: string | null;
}

/**
 * Active households of the scope ($1, where they live now) with an open or matched need, no
 * active ledger entry running on or after `since` ($2; a monthly one still running always is)
 * and no referral under way (open or accepted: help is on its way; a delivered one is in the
 * ledger). Never assisted first, then the longest without.
 */
export async function missedAssistance(
  m: EntityManager,
  path: string,
  since: string,
): Promise<MissedAssistanceRecord[]> {
  return m.query(
    `SELECT h.id AS "householdId", c.id AS "communityId", c.name AS "communityName", h.tier::text AS tier,
            (SELECT array_agg(DISTINCT n.category_code ORDER BY n.category_code)
               FROM need n WHERE n.household_id = h.id AND n.status IN ('open', 'matched')) AS "needCategories",
            (SELECT to_char(max(coalesce(e.ends_on, e.starts_on)), 'YYYY-MM-DD')
               FROM assistance_entry e WHERE e.household_id = h.id AND e.status = 'active') AS "lastAssistedOn"
       FROM household h JOIN area c ON c.id = h.community_id
      WHERE c.path LIKE $1 || '%' AND h.status = 'active'
        AND EXISTS (SELECT 1 FROM need n WHERE n.household_id = h.id AND n.status IN ('open', 'matched'))
        AND NOT EXISTS (SELECT 1 FROM assistance_entry e
                         WHERE e.household_id = h.id AND e.status = 'active'
                           AND coalesce(e.ends_on, 'infinity'::date) >= $2::date)
        AND NOT EXISTS (SELECT 1 FROM referral r
                         WHERE r.household_id = h.id AND r.status IN ('open', 'accepted'))
      ORDER BY "lastAssistedOn" ASC NULLS FIRST, c.name, h.id`,
    [path, since],
  );
}

/**
 * A title compared as a benefit's name: case, spaces and punctuation (ASCII and the full-width
 * ones rolls use) ignored, so "低保金" and "低保金 " or "城市低保（月）" and "城市低保(月)" match.
 */
const NORMALIZED = (t: string) =>
  `regexp_replace(lower(${t}), '[[:space:][:punct:]（）【】《》「」、，。：；·\\u3000—]', '', 'g')`;

/**
 * The days an entry occupies when looking for duplicates: a monthly entry its own period (none:
 * still running), a one-off its whole China calendar month — the same one-off twice in a month
 * is the duplicate, whatever the days.
 */
const SPAN_START = (e: string) =>
  `CASE WHEN ${e}.frequency = 'one_off' THEN date_trunc('month', ${e}.starts_on)::date ELSE ${e}.starts_on END`;
const SPAN_END = (e: string) =>
  `CASE WHEN ${e}.frequency = 'one_off' THEN (date_trunc('month', ${e}.starts_on) + interval '1 month - 1 day')::date
        ELSE coalesce(${e}.ends_on, 'infinity'::date) END`;

export interface DuplicateRecord {
  householdId: string;
  communityName: string;
  categoryCode: string;
  a: DuplicateSide;
  b: DuplicateSide;
}

export interface DuplicateSide {
  entryId: string;
  source: string;
  grantedBy: string;
  title: string;
  amountFen: string | null;
  frequency: AssistanceFrequency;
  startsOn: string;
  endsOn: string | null;
}

/**
 * Pairs of active entries of one household of the scope ($1, where it lives now) in one
 * category for the same benefit — the same resource when both name one, else the same
 * normalized title — whose spans overlap, and overlap within the period ($2 … $3). Each pair
 * once, the earlier-starting entry first; any sources (two rolls, a roll and a department's
 * entry, a referral and either).
 */
export async function assistanceDuplicates(
  m: EntityManager,
  path: string,
  first: string,
  last: string,
): Promise<DuplicateRecord[]> {
  const side = (e: string) =>
    `json_build_object('entryId', ${e}.id, 'source', ${e}.source, 'grantedBy', ${e}.granted_by,
       'title', ${e}.title, 'amountFen', ${e}.amount_fen::text, 'frequency', ${e}.frequency,
       'startsOn', to_char(${e}.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(${e}.ends_on, 'YYYY-MM-DD'))`;
  return m.query(
    `SELECT h.id AS "householdId", c.name AS "communityName", a.category_code AS "categoryCode",
            ${side('a')} AS a, ${side('b')} AS b
       FROM assistance_entry a
       JOIN assistance_entry b
         ON b.household_id = a.household_id AND b.category_code = a.category_code
        AND (b.starts_on, b.id) > (a.starts_on, a.id)
       JOIN household h ON h.id = a.household_id
       JOIN area c ON c.id = h.community_id
      WHERE c.path LIKE $1 || '%' AND a.status = 'active' AND b.status = 'active'
        AND CASE WHEN a.resource_id IS NOT NULL AND b.resource_id IS NOT NULL
                 THEN a.resource_id = b.resource_id
                 ELSE ${NORMALIZED('a.title')} = ${NORMALIZED('b.title')} END
        AND greatest(${SPAN_START('a')}, ${SPAN_START('b')}) <= least(${SPAN_END('a')}, ${SPAN_END('b')})
        AND greatest(${SPAN_START('a')}, ${SPAN_START('b')}) <= $3::date
        AND least(${SPAN_END('a')}, ${SPAN_END('b')}) >= $2::date
      ORDER BY c.name, h.id, a.starts_on, b.starts_on`,
    [path, first, last],
  );
}
