/**
 * Relief funds for the tests, written by SQL: an active fund of an area with its balance and
 * its opening movement. Free of the app's modules, so service, e2e and browser tests can use it
 * with any client (the benchmark, plain .mjs, writes its own).
 */
export type Query = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface FundSeed {
  area: { id: string; path: string };
  balanceFen: number;
  thresholdFen?: number;
  status?: 'active' | 'closed';
  name?: string;
  managingOffice?: string;
  restrictedCategoryCode?: string | null;
  /** The last day it may pay (Beijing); far off by default, so the tests do not age. */
  periodEnd?: string;
}

/** Resolves to the new fund's id. */
export async function reliefFund(query: Query, seed: FundSeed): Promise<string> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const rows = await query(
    `INSERT INTO relief_fund (kind, name, area_id, area_path, managing_office, budget_fen, balance_fen,
            threshold_fen, period_start, period_end, restricted_category_code, status, version)
     VALUES ('reserve', $1, $2, $3, $4, $5, $5, $6, '2020-01-01', $9, $7, $8, 1)
     RETURNING id`,
    [
      seed.name ?? `临时救助备用金 ${suffix}`,
      seed.area.id,
      seed.area.path,
      seed.managingOffice ?? `民政局社会救助科 ${suffix}`,
      seed.balanceFen,
      seed.thresholdFen ?? 0,
      seed.restrictedCategoryCode ?? null,
      seed.status ?? 'active',
      seed.periodEnd ?? '2099-12-31',
    ],
  );
  const id = rows[0].id as string;
  await query(
    `INSERT INTO relief_fund_movement (fund_id, kind, amount_fen, occurred_at)
     VALUES ($1, 'opening', $2, now())`,
    [id, seed.balanceFen],
  );
  return id;
}
