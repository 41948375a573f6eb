// Matcher benchmark: a district of BENCH_HOUSEHOLDS households (default 100,000; ≈2.5 open needs
// each) and BENCH_RESOURCES resources (default 5,000). Measures, in one run:
//   end to end  all households queued with addBulk → matched by the real matcher process →
//               proposals committed;
//   (a) COPY    the same number of proposal rows COPYed into a scratch table;
//   (b) greedy  a bare in-memory greedy pass over the same instance (typed arrays, no explanations);
//   (c) queue   BullMQ addBulk + a no-op worker for the same number of jobs;
//   engine      the real (pure) engine over the whole instance in memory;
//   latency     single households, enqueued → proposals committed, on the idle system.
//   persistence proposal rows / the matcher's own persistence time (wall time with a batch
//               writing), which it logs at shutdown.
//   2 processes the end-to-end batch again (needs reset) with two matcher processes.
// Prints every figure and the ratios the matcher issue sets targets for. `npm run bench -- matcher`;
// BENCH_MIX=wide (default: a third of the resources district-wide) or local (most community- or
// street-level, as in the demo); BENCH_PROCESSES=1 skips the two-process run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CATEGORIES, buildInstance } from './matcher/instance.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');
const { Queue, Worker } = require('bullmq');
const {
  proposeMatches,
  DEFAULT_WEIGHTS,
} = require('../../dist/libs/matching/src/engine/match-engine.js');

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 5_000);
const MIX = process.env.BENCH_MIX ?? 'wide';
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);
const root = join(import.meta.dirname, '..', '..');
const redis = { url: process.env.REDIS_URL };
const prefix = `${process.env.QUEUE_PREFIX}-matcher`;
const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (s) => `${s.toFixed(2)} s`;

const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
let t = now();
const inst = await buildInstance(client, {
  households: HOUSEHOLDS,
  resources: RESOURCES,
  mix: MIX,
});
console.log(
  `instance (${MIX} mix): ${HOUSEHOLDS} households, ${inst.needs} needs, ${RESOURCES} resources built in ${fmt(now() - t)}`,
);

// Load the instance once, for (b) and the in-memory engine.
const { rows: needRows } = await client.query(
  `SELECT n.id, n.household_id, n.category_code, n.severity, n.urgency, a.path
     FROM need n JOIN household h ON h.id = n.household_id JOIN area a ON a.id = h.community_id
    WHERE h.id = ANY($1) ORDER BY n.household_id`,
  [inst.householdIds],
);
const { rows: resRows } = await client.query(
  `SELECT r.id, r.category_code AS "categoryCode", r.form, r.service_level AS "serviceLevel", cov.path AS "coveragePath",
          to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom", NULL AS "validUntil",
          r.capacity - r.reserved - r.delivered AS remaining, r.value_per_unit_fen AS "valuePerUnitFen", r.eligibility::text AS eligibility,
          80::float8 AS "providerRating"
     FROM resource r JOIN area cov ON cov.id = r.coverage_area_id
    WHERE r.title LIKE 'bench %' AND r.coverage_area_id = ANY($1)`,
  [
    [
      inst.district,
      ...inst.communities.map((c) => c[0]),
      ...new Set(inst.communities.map((c) => c[1].split('/')[3])),
    ],
  ],
);
// One object per distinct rule document, as ResourceCandidatesRepository hands them out.
{
  const documents = new Map();
  for (const r of resRows) {
    if (r.eligibility === null) continue;
    if (!documents.has(r.eligibility)) documents.set(r.eligibility, JSON.parse(r.eligibility));
    r.eligibility = documents.get(r.eligibility);
  }
}
const { rows: factRows } = await client.query(
  `SELECT household_id, facts_snapshot -> 'eligibility' AS facts FROM assessment WHERE household_id = ANY($1) AND status = 'completed'`,
  [inst.householdIds],
);
const factsOf = new Map(factRows.map((r) => [r.household_id, r.facts]));

// (b) bare greedy pass: typed arrays, category buckets, no explanations.
{
  const level = { community: 0, street: 1, district: 2 };
  const remaining = Int32Array.from(resRows, (r) => r.remaining);
  const rank = Float64Array.from(resRows, (r) => level[r.serviceLevel] * 1000 - r.providerRating);
  const byCategory = new Map(CATEGORIES.map((c) => [c, []]));
  resRows.forEach((r, i) => byCategory.get(r.categoryCode).push(i));
  for (const list of byCategory.values()) list.sort((x, y) => rank[x] - rank[y]);
  const started = now();
  let assigned = 0;
  for (const n of needRows) {
    for (const i of byCategory.get(n.category_code)) {
      if (remaining[i] > 0 && n.path.startsWith(resRows[i].coveragePath)) {
        remaining[i] -= 1;
        assigned += 1;
        break;
      }
    }
  }
  var greedy = now() - started;
  console.log(`(b) greedy pass: ${needRows.length} needs, ${assigned} assigned in ${fmt(greedy)}`);
}

// The real engine, in memory, over the same instance (what a matcher spends outside I/O).
{
  const byHousehold = new Map();
  for (const n of needRows) {
    if (!byHousehold.has(n.household_id))
      byHousehold.set(n.household_id, { path: n.path, needs: [] });
    byHousehold.get(n.household_id).needs.push({
      id: n.id,
      categoryCode: n.category_code,
      severity: n.severity,
      urgency: n.urgency,
      gapFen: null,
    });
  }
  const byCategory = new Map(
    CATEGORIES.map((c) => [c, resRows.filter((r) => r.categoryCode === c)]),
  );
  // A fresh district: no household receives anything yet, and no stacking rule applies.
  const history = { benefits: [], servedNeedIds: new Set() };
  const options = {
    topK: 3,
    weights: DEFAULT_WEIGHTS,
    today: new Date().toISOString().slice(0, 10),
    stackingRules: [],
  };
  const started = now();
  let proposals = 0;
  // A household's candidates are what the matcher's SQL hands it (its categories, covering its
  // community): looked up per community and category, as that is I/O the engine does not do.
  const covering = new Map();
  const candidatesOf = (path, category) => {
    const key = `${path}|${category}`;
    let list = covering.get(key);
    if (!list) {
      list = byCategory.get(category).filter((r) => path.startsWith(r.coveragePath));
      covering.set(key, list);
    }
    return list;
  };
  for (const [id, h] of byHousehold) {
    const candidates = [...new Set(h.needs.map((n) => n.categoryCode))].flatMap((c) =>
      candidatesOf(h.path, c),
    );
    for (const r of proposeMatches(
      { id, areaPath: h.path, facts: factsOf.get(id) },
      h.needs,
      candidates,
      history,
      options,
    ))
      proposals += r.proposals.length;
  }
  var engine = now() - started;
  var expectedProposals = proposals;
  console.log(
    `engine in memory: ${byHousehold.size} households, ${proposals} proposals in ${fmt(engine)}`,
  );
}

// (a) COPY the same number of proposal rows into a scratch table.
{
  await client.query(`CREATE TEMP TABLE scratch_proposal (LIKE match_proposal INCLUDING DEFAULTS)`);
  const rows = expectedProposals;
  const started = now();
  const copy = client.query(
    copyFrom(
      `COPY scratch_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation) FROM STDIN`,
    ),
  );
  const explanation = JSON.stringify([
    { factor: 'level', value: 1, weight: 0.3, contribution: 0.3 },
  ]).replace(/\t/g, ' ');
  await pipeline(
    Readable.from(
      (function* () {
        for (let i = 0; i < rows; i += 1) {
          const n = needRows[i % needRows.length];
          yield `${n.id}\t${n.household_id}\t${resRows[i % resRows.length].id}\t${n.household_id}\t0.5\t${1 + (i % 3)}\tnormal\t${n.category_code}\t${explanation}\n`;
        }
      })(),
    ),
    copy,
  );
  var copySeconds = now() - started;
  console.log(
    `(a) COPY: ${rows} rows in ${fmt(copySeconds)} (${Math.round(rows / copySeconds)} rows/s)`,
  );
}

// (c) addBulk + a no-op worker for as many jobs as households.
{
  const queue = new Queue('bench-noop', { connection: redis, prefix });
  await queue.obliterate({ force: true }).catch(() => undefined);
  const started = now();
  let done = 0;
  const finished = new Promise((resolve) => {
    const worker = new Worker('bench-noop', async () => undefined, {
      connection: redis,
      prefix,
      concurrency: 50,
    });
    worker.on('completed', () => {
      done += 1;
      if (done === HOUSEHOLDS) resolve(worker.close());
    });
  });
  for (let i = 0; i < HOUSEHOLDS; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, HOUSEHOLDS - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  }
  await finished;
  var queueSeconds = now() - started;
  await queue.obliterate({ force: true });
  await queue.close();
  console.log(`(c) queue: ${HOUSEHOLDS} jobs added and consumed in ${fmt(queueSeconds)}`);
}

// End to end through the real matcher processes. Jobs carry their usual ids, so the reconciler
// each matcher runs at start (these needs are unmatched) adds nothing on top. The matchers run
// with their default MATCH_* settings unless the environment sets them.
function startMatcher() {
  const child = spawn(process.execPath, [join(root, 'dist/apps/matcher/src/main.js')], {
    cwd: root,
    // As deployed: JSON log lines (in development they go through pino-pretty, and the totals
    // line could not be read back).
    env: { ...process.env, NODE_ENV: 'production', QUEUE_PREFIX: prefix, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const state = { child, totals: undefined, pending: '' };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (state.pending + chunk).split('\n');
    state.pending = lines.pop();
    for (const line of lines) {
      if (line.includes('"matchingTotals"')) state.totals = JSON.parse(line).matchingTotals;
      else if (line.includes('"level":50') || line.includes('"level":40')) console.error(line);
    }
  });
  state.stop = async () => {
    child.kill('SIGTERM');
    // 'close', not 'exit': the totals are the last lines it writes, still in the pipe at exit.
    await new Promise((r) => child.once('close', r));
    if (state.pending.includes('"matchingTotals"'))
      state.totals = JSON.parse(state.pending).matchingTotals;
    return state.totals;
  };
  return state;
}

const matchingQueue = new Queue('matching', { connection: redis, prefix });
// Drained = nothing waiting or running in Redis (cheap to ask, unlike counting needs in
// PostgreSQL, which would compete with the matcher for the same cores); checked after.
const unfinished = async () =>
  Object.values(
    await matchingQueue.getJobCounts('waiting', 'active', 'prioritized', 'delayed'),
  ).reduce((s, n) => s + n, 0);
const { rows: pairs } = await client.query(
  `SELECT household_id AS h, id AS a FROM assessment WHERE household_id = ANY($1)`,
  [inst.householdIds],
);

/** All households queued → matched by `processes` matcher processes → committed. */
async function endToEnd(processes) {
  const matchers = Array.from({ length: processes }, startMatcher);
  try {
    await new Promise((r) => setTimeout(r, 3000)); // boot
    const started = now();
    for (let i = 0; i < pairs.length; i += 1000) {
      await matchingQueue.addBulk(
        pairs.slice(i, i + 1000).map((p) => ({
          name: 'match-household',
          data: { householdId: p.h },
          // The usual id (jobIds.matchHousehold): the reconciler each matcher runs at start
          // queues the same households under it, and must not make a second run of each.
          opts: { jobId: `match-household.${p.h}.${p.a}`, removeOnComplete: true },
        })),
      );
    }
    while ((await unfinished()) > 0) await new Promise((r) => setTimeout(r, 100));
    const seconds = now() - started;
    const matched = Number(
      (
        await client.query(
          `SELECT count(*) AS n FROM need WHERE household_id = ANY($1) AND last_matched_at IS NOT NULL`,
          [inst.householdIds],
        )
      ).rows[0].n,
    );
    const failed = await matchingQueue.getJobCounts('failed');
    if (matched !== inst.needs || failed.failed > 0)
      throw new Error(
        `queue drained with ${inst.needs - matched} needs unmatched, ${failed.failed} jobs failed`,
      );
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, count(DISTINCT (need_id, resource_id, assessment_id))::int AS d
         FROM match_proposal WHERE household_id = ANY($1) AND status = 'proposed'`,
      [inst.householdIds],
    );
    if (rows[0].n !== rows[0].d) throw new Error(`${rows[0].n - rows[0].d} duplicate proposals`);
    console.log(
      `end to end, ${processes} matcher process${processes > 1 ? 'es' : ''}: ${inst.needs} needs of ${pairs.length} households matched, ${rows[0].n} proposals committed in ${fmt(seconds)} (${Math.round(rows[0].n / seconds)} proposals/s)`,
    );
    return { seconds, matchers };
  } catch (error) {
    await Promise.all(matchers.map((m) => m.stop()));
    throw error;
  }
}

try {
  const one = await endToEnd(1);
  var endToEndSeconds = one.seconds;

  // Latency on the idle system: one household at a time, enqueued → its needs committed.
  const sample = inst.householdIds.slice(0, 25);
  const latencies = [];
  for (const h of sample) {
    await client.query(`UPDATE need SET last_matched_at = NULL WHERE household_id = $1`, [h]);
    const t0 = now();
    await matchingQueue.add(
      'match-household',
      { householdId: h },
      { jobId: `bench.lat.${h}`, removeOnComplete: true },
    );
    for (;;) {
      const { rows: left } = await client.query(
        `SELECT count(*)::int AS n FROM need WHERE household_id = $1 AND last_matched_at IS NULL`,
        [h],
      );
      if (left[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    latencies.push((now() - t0) * 1000);
  }
  latencies.sort((x, y) => x - y);
  var p50 = latencies[Math.floor(latencies.length / 2)];
  console.log(
    `latency (${latencies.length} single households): p50 ${p50.toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`,
  );
  var totals = await one.matchers[0].stop();

  if (PROCESSES > 1) {
    // The same batch again from scratch, shared by several processes.
    await client.query(`DELETE FROM match_proposal WHERE household_id = ANY($1)`, [
      inst.householdIds,
    ]);
    await client.query(
      `UPDATE need SET status = 'open', last_matched_at = NULL, match_rejections = NULL, unmet_reasons = NULL
        WHERE household_id = ANY($1)`,
      [inst.householdIds],
    );
    // The first run's completed jobs keep their ids in Redis, and a job added under a kept id
    // is dropped: the queue starts empty, as it did for the first run.
    await matchingQueue.obliterate({ force: true });
    const several = await endToEnd(PROCESSES);
    var severalSeconds = several.seconds;
    var severalTotals = await Promise.all(several.matchers.map((m) => m.stop()));
  }
} finally {
  await matchingQueue.obliterate({ force: true }).catch(() => undefined);
  await matchingQueue.close();
  await client.end();
}

const floors = copySeconds + greedy + queueSeconds;
console.log('--- ratios (targets in brackets)');
console.log(
  `end to end / (a + b + c) = ${fmt(endToEndSeconds)} / ${fmt(floors)} = ${(endToEndSeconds / floors).toFixed(1)}×   [≤ 3×]`,
);
if (severalSeconds !== undefined)
  console.log(
    `end to end, ${PROCESSES} processes / (a + b + c) = ${fmt(severalSeconds)} / ${fmt(floors)} = ${(severalSeconds / floors).toFixed(1)}×; households per process: ${severalTotals.map((t) => t?.households ?? 0).join(' + ')}`,
  );
console.log(
  `engine in memory / (b)   = ${fmt(engine)} / ${fmt(greedy)} = ${(engine / greedy).toFixed(1)}×   [≤ 3×]`,
);
const persistRate = totals.proposals / (totals.persistMs / 1000);
const copyRate = expectedProposals / copySeconds;
console.log(
  `matcher totals: ${totals.households} household runs in ${totals.batches} batches, ${totals.proposals} proposals, ${fmt(totals.persistMs / 1000)} persisting`,
);
console.log(
  `persistence rows/s / (a) = ${Math.round(persistRate)} / ${Math.round(copyRate)} = ${((persistRate / copyRate) * 100).toFixed(1)}%   [≥ 50%]`,
);
console.log(`single-household latency p50 = ${p50.toFixed(1)} ms   [≤ 10 ms]`);
