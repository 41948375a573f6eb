// Capacity reservation under contention (the approval issue): 8 and 32 concurrent approvers
// against one resource with ample capacity, approvals per second
//   api      POST /matches/:id/approve over HTTP (the whole approval: reservation, snapshot,
//            supersede, referral, audit rows, in one transaction);
//   service  ApprovalsService.approve called directly (the same transaction, no HTTP);
//   raw      the bare conditional UPDATE … WHERE reserved + delivered < capacity, one per unit,
//            with the same concurrency (a pg pool of that size);
//   one-trip the rows an approval must write (proposal approved, its need's others superseded,
//            the need matched, the unit reserved, the referral with a snapshot of the service's
//            size, three audit rows, the outbox event) as ONE statement per approval, with no
//            read, lock or check before it: what an approval in one round trip (a SQL function
//            or one statement chain) could at best reach; it says how much of the gap to raw is
//            round trips and how much is the writing itself;
// then a scarce resource (capacity 100, 400 approvals at 32 at once) to confirm that
// nothing is ever over-committed. Prints the service/raw ratio the issue sets a target for.
// `npm run bench -- capacity` (BENCH_APPROVALS per run, default 1,500).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { buildInstance } from './matcher/instance.mjs';
import { contend, cpuPer } from './contend.mjs';

const require = createRequire(import.meta.url);
const { Client, Pool } = require('pg');
const { createApiApp } = require('../../dist/apps/api/src/create-api-app.js');
const { UsersRepository, hashPassword } = require('../../dist/libs/platform/src/index.js');
const { ApprovalsService } = require('../../dist/libs/matching/src/index.js');

const PER_RUN = Number(process.env.BENCH_APPROVALS ?? 1_500);
const LEVELS = [8, 32];

const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
// Households and needs: one proposal for one need of each household. Approvals never share a
// household: the stacking rules refuse one resource twice to a household (409), and the runs
// would measure refusals.
const runs = LEVELS.length * 3 + 1;
const inst = await buildInstance(client, {
  households: PER_RUN * runs + 401,
  resources: 12,
});
const [{ id: provider }] = (
  await client.query(`SELECT id FROM provider WHERE name = 'bench' LIMIT 1`)
).rows;

async function newResource(capacity) {
  const { rows } = await client.query(
    `INSERT INTO resource (provider_id, title, category_code, form, service_level, coverage_area_id, capacity,
                           valid_from, status, published_at)
     VALUES ($1, $2, 'care', 'service', 'district', $3, $4, '2026-01-01', 'published', now()) RETURNING id`,
    [provider, `bench capacity ${randomUUID().slice(0, 6)}`, inst.district, capacity],
  );
  return rows[0].id;
}

/** `count` fresh proposals of `resourceId`, each for a need no other proposal uses. */
let used = 0;
const { rows: needs } = await client.query(
  `SELECT DISTINCT ON (n.household_id) n.id, n.household_id, n.assessment_id, n.category_code
     FROM need n WHERE n.household_id = ANY($1) ORDER BY n.household_id, n.id`,
  [inst.householdIds],
);
async function proposals(resourceId, count) {
  const slice = needs.slice(used, used + count);
  used += count;
  if (slice.length < count) throw new Error('not enough needs in the instance');
  const { rows } = await client.query(
    `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation)
     SELECT t.n, t.h, $1, t.a, 0.5, 1, 'normal', t.c, '[]'::jsonb
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS t(n, h, a, c)
     RETURNING id`,
    [
      resourceId,
      slice.map((n) => n.id),
      slice.map((n) => n.household_id),
      slice.map((n) => n.assessment_id),
      slice.map((n) => n.category_code),
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * An approval's writes in one statement ($1 proposal, $2 actor id, $3 actor role, $4 snapshot):
 * the data-modifying CTEs all run; the referral, its audit rows and the event exist only if the
 * unit was reserved. No household or need lock, no stacking check: a floor, not an approval.
 */
const ONE_TRIP_APPROVAL = `
  WITH p AS (
    UPDATE match_proposal SET status = 'approved', decided_by_id = $2, decided_at = now(),
           updated_at = now(), version = version + 1
     WHERE id = $1 AND status = 'proposed'
    RETURNING id, need_id, household_id, resource_id, urgency, category_code),
  sup AS (
    UPDATE match_proposal o SET status = 'superseded', updated_at = now(), version = o.version + 1
      FROM p WHERE o.need_id = p.need_id AND o.status = 'proposed' AND o.id <> p.id
    RETURNING o.id),
  n AS (
    UPDATE need SET status = 'matched', updated_at = now()
      FROM p WHERE need.id = p.need_id AND need.status = 'open' RETURNING need.id),
  u AS (
    UPDATE resource SET reserved = reserved + 1, updated_at = now()
      FROM p WHERE resource.id = p.resource_id AND resource.status = 'published'
       AND reserved + delivered < capacity
    RETURNING resource.id, resource.provider_id),
  h AS (
    SELECT c.path FROM p JOIN household hh ON hh.id = p.household_id JOIN area c ON c.id = hh.community_id),
  r AS (
    INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path,
                          urgency, category_code, accept_due_at, deliver_due_at, snapshot)
    SELECT p.id, p.need_id, p.household_id, p.resource_id, u.provider_id, h.path, p.urgency,
           p.category_code, now() + interval '3 days', now() + interval '14 days', $4::jsonb
      FROM p, u, h
    RETURNING id, resource_id, provider_id, area_path, proposal_id),
  a AS (
    INSERT INTO audit_log (entity_type, entity_id, action, actor_id, actor_role, from_state, to_state, data, area_path)
    SELECT v.entity_type, v.entity_id, v.action, $2, $3, v.from_state, v.to_state, v.data, r.area_path
      FROM r CROSS JOIN LATERAL (VALUES
        ('match_proposal', r.proposal_id::text, 'approve', 'proposed', 'approved', NULL::jsonb),
        ('resource', r.resource_id::text, 'reserve', NULL, NULL, jsonb_build_object('units', 1, 'referralId', r.id)),
        ('referral', r.id::text, 'open', NULL, 'open', jsonb_build_object('proposalId', r.proposal_id))
      ) AS v(entity_type, entity_id, action, from_state, to_state, data)
    RETURNING 1),
  e AS (
    INSERT INTO outbox_event (type, entity_type, entity_id, area_path, provider_id, audience, data)
    SELECT 'referral.created', 'referral', r.id, r.area_path, r.provider_id,
           jsonb_build_array(jsonb_build_object('providerId', r.provider_id)),
           jsonb_build_object('referralId', r.id, 'proposalId', r.proposal_id, 'resourceId', r.resource_id)
      FROM r
    RETURNING 1)
  SELECT (SELECT count(*) FROM r) = 1 AS ok, (SELECT count(*) FROM a) AS audits, (SELECT count(*) FROM e) AS events`;

const counters = async (id) =>
  (await client.query(`SELECT capacity, reserved, delivered FROM resource WHERE id = $1`, [id]))
    .rows[0];

const app = await createApiApp();
await app.listen(0, '127.0.0.1');
const url = await app.getUrl();
const results = [];
let oversubscribed = 0;
try {
  const tag = randomUUID().slice(0, 6);
  await app.get(UsersRepository).upsert({
    username: `bench.staff.${tag}`,
    displayName: 'bench',
    passwordHash: await hashPassword('bench-password'),
    role: 'civil_affairs',
    areaId: inst.district,
    providerId: null,
  });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `bench.staff.${tag}`, password: 'bench-password' }),
  });
  const { accessToken } = await login.json();
  const [staff] = (
    await client.query(
      `SELECT u.id AS "userId", u.username, u.role, u.area_id AS "areaId", a.path AS "areaPath"
         FROM app_user u JOIN area a ON a.id = u.area_id WHERE u.username = $1`,
      [`bench.staff.${tag}`],
    )
  ).rows;
  const principal = { ...staff, providerId: null };
  const approvals = app.get(ApprovalsService);
  // A decision snapshot as large as the service writes (household facts, need, resource rules,
  // explanation), taken from one the service wrote in a warm-up approval.
  const warmResource = await newResource(10);
  const [warmId] = await proposals(warmResource, 1);
  await approvals.approve(warmId, principal);
  const [{ snapshot }] = (
    await client.query(`SELECT snapshot::text AS snapshot FROM referral WHERE proposal_id = $1`, [
      warmId,
    ])
  ).rows;
  const snapshotJson = snapshot;

  const paths = {
    api: async (id) => {
      const res = await fetch(`${url}/api/matches/${id}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await res.arrayBuffer();
      return res.status === 201 ? 'ok' : res.status === 409 ? 'refused' : 'failed';
    },
    service: async (id) =>
      approvals.approve(id, principal).then(
        () => 'ok',
        (e) => (e.code === 'RESOURCE_CAPACITY_EXHAUSTED' ? 'refused' : 'failed'),
      ),
  };

  for (const concurrency of LEVELS) {
    for (const [name, work] of Object.entries(paths)) {
      const resource = await newResource(1_000_000);
      const ids = await proposals(resource, PER_RUN);
      const r = await contend(ids, concurrency, work);
      const c = await counters(resource);
      if (c.reserved + c.delivered > c.capacity) oversubscribed += 1;
      results.push({ name, concurrency, ...r, reserved: c.reserved });
    }
    // The floor: the bare conditional update, one unit per statement, same concurrency.
    const resource = await newResource(1_000_000);
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: concurrency });
    const r = await contend(Array.from({ length: PER_RUN }), concurrency, async () => {
      const { rowCount } = await pool.query(
        `UPDATE resource SET reserved = reserved + 1 WHERE id = $1 AND reserved + delivered < capacity`,
        [resource],
      );
      return rowCount === 1 ? 'ok' : 'refused';
    });
    await pool.end();
    results.push({ name: 'raw', concurrency, ...r, reserved: (await counters(resource)).reserved });

    const chained = await newResource(1_000_000);
    const chainIds = await proposals(chained, PER_RUN);
    const chainPool = new Pool({ connectionString: process.env.DATABASE_URL, max: concurrency });
    const oneTrip = await contend(chainIds, concurrency, async (id) => {
      const { rows } = await chainPool.query(ONE_TRIP_APPROVAL, [
        id,
        staff.userId,
        staff.role,
        snapshotJson,
      ]);
      return rows[0].ok ? 'ok' : 'refused';
    });
    await chainPool.end();
    results.push({
      name: 'one-trip',
      concurrency,
      ...oneTrip,
      reserved: (await counters(chained)).reserved,
    });
  }

  // Scarce capacity: 400 approvals at 32 at once against 100 units.
  const scarce = await newResource(100);
  const scarceRun = await contend(await proposals(scarce, 400), 32, paths.service);
  const sc = await counters(scarce);
  const [{ referrals }] = (
    await client.query(`SELECT count(*)::int AS referrals FROM referral WHERE resource_id = $1`, [
      scarce,
    ])
  ).rows;
  console.log(
    `scarce: capacity 100, 400 approvals at 32 concurrent → ${scarceRun.ok} approved, ${scarceRun.refused} refused (409), ${scarceRun.failed} failed; reserved ${sc.reserved}, referrals ${referrals}`,
  );
  if (sc.reserved + sc.delivered > sc.capacity || referrals !== scarceRun.ok) oversubscribed += 1;
} finally {
  await app.close();
  await client.end();
}

for (const r of results) {
  console.log(
    `${r.name.padEnd(8)} ×${String(r.concurrency).padStart(2)}: ${r.ok} approved, ${r.refused} refused, ${r.failed} failed in ${r.seconds.toFixed(2)} s = ${(r.ok / r.seconds).toFixed(0)} approvals/s (reserved ${r.reserved}); ${cpuPer(r)}`,
  );
}
console.log('--- ratios (target: service ≥ 70% of raw)');
for (const concurrency of LEVELS) {
  const rate = (name) => {
    const r = results.find((x) => x.name === name && x.concurrency === concurrency);
    return r.ok / r.seconds;
  };
  console.log(
    `×${concurrency}: service / raw = ${((rate('service') / rate('raw')) * 100).toFixed(1)}%, api / raw = ${((rate('api') / rate('raw')) * 100).toFixed(1)}%, one-trip writes / raw = ${((rate('one-trip') / rate('raw')) * 100).toFixed(1)}%, service / one-trip = ${((rate('service') / rate('one-trip')) * 100).toFixed(1)}%`,
  );
}
console.log(
  `oversubscription: ${oversubscribed === 0 ? 'none' : `${oversubscribed} run(s) over capacity`}`,
);
