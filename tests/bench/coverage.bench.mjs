// Coverage report benchmark on the matcher benchmark's district (BENCH_HOUSEHOLDS households,
// default 100,000, ≈2.5 needs each; BENCH_RESOURCES resources, default 5,000, six distinct rule
// documents), with a delivered or closed referral for every fifth need so attainment joins real
// rows. Times the report's SQL (ReportsRepository.coverage, as the API runs it, in a read-only
// repeatable-read transaction) per child area and per category, for the district and for one
// street, against a baseline in the same run: counting the district's (household, category)
// pairs with the same need/household/area join and nothing else.
// Prints the figures; asserts nothing. `npm run bench -- coverage`.
import { createRequire } from 'node:module';
import { buildInstance } from './matcher/instance.mjs';

const require = createRequire(import.meta.url);
const { DataSource } = require('typeorm');
const {
  ReportsRepository,
  inReportSnapshot,
} = require('../../dist/libs/reporting/src/reports.repository.js');
const { reportPeriod } = require('../../dist/libs/reporting/src/report-period.js');

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 5_000);
const RUNS = 5;
const now = () => Number(process.hrtime.bigint()) / 1e6;

const ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
await ds.initialize();
const client = { query: (sql, params) => ds.query(sql, params).then((rows) => ({ rows })) };

let t = now();
const inst = await buildInstance(client, { households: HOUSEHOLDS, resources: RESOURCES });
// Every fifth need gets a proposal and a referral: delivered, or closed with the need resolved.
await ds.query(
  `WITH picked AS (
     SELECT n.id, n.household_id, n.assessment_id, n.category_code, n.urgency, c.path,
            row_number() OVER (ORDER BY n.id) AS i
       FROM need n JOIN household h ON h.id = n.household_id JOIN area c ON c.id = h.community_id
      WHERE n.source = 'bench' AND h.id = ANY($1)),
   per_category AS (
     SELECT DISTINCT ON (category_code) category_code, id AS resource_id
       FROM resource WHERE title LIKE 'bench %' ORDER BY category_code, id),
   chosen AS (
     SELECT p.*, pc.resource_id FROM picked p JOIN per_category pc USING (category_code) WHERE i % 5 = 0),
   proposals AS (
     INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation, status)
     SELECT id, household_id, resource_id, assessment_id, 0.5, 1, urgency, category_code, '[]', 'approved' FROM chosen
     RETURNING id, need_id)
   INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, urgency, category_code,
                         accept_due_at, deliver_due_at, accepted_at, delivered_at, closed_at, status, need_resolved, snapshot)
   SELECT pr.id, c.id, c.household_id, c.resource_id, r.provider_id, c.path, c.urgency, c.category_code,
          now() + interval '3 days', now() + interval '14 days', now(), now(),
          CASE WHEN c.i % 10 = 0 THEN now() END,
          CASE WHEN c.i % 10 = 0 THEN 'closed' ELSE 'delivered' END::referral_status,
          CASE WHEN c.i % 10 = 0 THEN true END,
          jsonb_build_object('decidedAt', now())
     FROM chosen c JOIN proposals pr ON pr.need_id = c.id JOIN resource r ON r.id = c.resource_id`,
  [inst.householdIds],
);
await ds.query('ANALYZE');
const [{ referrals }] = await ds.query(`SELECT count(*)::int AS referrals FROM referral`);
console.log(
  `instance: ${HOUSEHOLDS} households, ${inst.needs} needs, ${RESOURCES} resources, ${referrals} referrals built in ${((now() - t) / 1000).toFixed(2)} s`,
);

const [{ path: districtPath }] = await ds.query(`SELECT path FROM area WHERE id = $1`, [
  inst.district,
]);
const [{ path: streetPath }] = await ds.query(
  `SELECT path FROM area WHERE parent_id = $1 ORDER BY code LIMIT 1`,
  [inst.district],
);
const repo = new ReportsRepository();
const period = reportPeriod(undefined, undefined, new Date());

/** Median of RUNS timings (ms) of `work` in the report's transaction (as the API runs it). */
async function time(work) {
  const ms = [];
  let result;
  for (let i = 0; i < RUNS; i += 1) {
    const start = now();
    result = await inReportSnapshot(ds, work);
    ms.push(now() - start);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(RUNS / 2)], result };
}

const baseline = await time((m) =>
  m.query(
    `SELECT count(*)::int AS pairs FROM (
       SELECT DISTINCT n.household_id, n.category_code
         FROM need n JOIN household h ON h.id = n.household_id JOIN area c ON c.id = h.community_id
        WHERE c.path LIKE $1 || '%' AND n.created_at < $3 AND (n.ended_at IS NULL OR n.ended_at >= $2)) x`,
    [districtPath, period.start, period.end],
  ),
);
console.log(
  `baseline (count the pairs): ${baseline.ms.toFixed(0)} ms, ${baseline.result[0].pairs} pairs`,
);

for (const [label, path, groupBy] of [
  ['district by street', districtPath, 'area'],
  ['district by category', districtPath, 'category'],
  ['one street by community', streetPath, 'area'],
]) {
  const { ms, result } = await time((m) => repo.coverage(m, path, period, null, groupBy));
  const total = result.find((r) => r.key === null);
  console.log(
    `coverage, ${label}: ${ms.toFixed(0)} ms (median of ${RUNS}) = ${(ms / baseline.ms).toFixed(1)}× baseline   [target < 2000 ms]` +
      `   total ${total.households} pairs, ${total.accessible} accessible, ${total.attained} attained`,
  );
}
if (process.env.BENCH_EXPLAIN) {
  // The plan of the district query, for whoever tunes it next.
  await inReportSnapshot(ds, (m) =>
    repo.coverage(
      {
        query: async (sql, params) => {
          if (!sql.trimStart().startsWith('WITH needs')) return m.query(sql, params);
          const plan = await m.query(`EXPLAIN (ANALYZE, COSTS off) ${sql}`, params);
          console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
          return [];
        },
      },
      districtPath,
      period,
      null,
      'area',
    ),
  );
}
await ds.destroy();
