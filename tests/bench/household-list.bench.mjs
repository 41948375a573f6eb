// A household list page (the issue 18 work queue): 16 concurrent clients reading pages of 20
// households in a district of each size in BENCH_LIST_HOUSEHOLDS (default 10000,100000), by
// cursor, for BENCH_SECONDS each (default 10):
//   api     GET /api/households?limit=20&cursor=… over HTTP (auth and its session read, scope,
//           validation, the keyset page's one statement, phones decrypted and masked, JSON);
//   raw     the same statement through `pg` directly (a pool of 16): the page's summary rows
//           from the cursor on (the head's name and the size by correlated subqueries);
//   offset  GET /api/households?page=N (the legacy paging, which counts the scope every page),
//           for comparison with the 45 req/s the issue measured;
//   floor   GET /api/auth/me (an authenticated read of one row): what any API request costs here;
//   queue   GET /api/matches?limit=20&cursor=… (the approval queue: one proposal per open need,
//           ≈2.5 per household, emergency first then oldest, the household named).
// Each client walks pages (next cursor, back to the first after 25 pages). Prints req/s and
// the api/raw ratio (target ≥ 50%), then the api's req/s at the largest size over the smallest
// (a page's cost independent of the scope's size: near 100%). `npm run bench -- household-list`.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { buildInstance } from './matcher/instance.mjs';

const require = createRequire(import.meta.url);
const { Client, Pool } = require('pg');
const { createApiApp } = require('../../dist/apps/api/src/create-api-app.js');
const {
  UsersRepository,
  hashPassword,
  PiiCipher,
} = require('../../dist/libs/platform/src/index.js');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 16;
const LIMIT = 20;
const SIZES = (process.env.BENCH_LIST_HOUSEHOLDS ?? '10000,100000').split(',').map(Number);
const now = () => Number(process.hrtime.bigint()) / 1e9;

const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

/** `clients` loops of `step(state)` for SECONDS: requests per second. */
async function load(step) {
  let done = 0;
  let failed = 0;
  const until = now() + SECONDS;
  const started = now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const state = { cursor: null, pages: 0 };
      while (now() < until) {
        if ((await step(state)) === false) failed += 1;
        else done += 1;
      }
    }),
  );
  return { done, failed, rate: done / (now() - started) };
}

const app = await createApiApp();
await app.listen(0, '127.0.0.1');
const url = await app.getUrl();
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CLIENTS });

/** One district of `households`: the four loads, printed; returns the api's rate. */
async function measure(households) {
  const inst = await buildInstance(client, { households, resources: 12 });
  // Heads with names and encrypted phones, created a second apart (a realistic order).
  const pii = app.get(PiiCipher);
  const phones = inst.householdIds.map((_, i) =>
    pii.encrypt(`1390000${String(i).padStart(4, '0')}`),
  );
  await client.query(
    `UPDATE household h SET phone_enc = t.p, created_at = now() - (t.i || ' seconds')::interval
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t(id, p, i) WHERE h.id = t.id`,
    [inst.householdIds, phones],
  );
  await client.query(
    `INSERT INTO household_member (household_id, name, relation, is_head, id_hmac, id_enc, id_masked, birth_date, gender, employment)
     SELECT h.id, '户主' || left(h.id::text, 4), 'self', true, md5(h.id::text) || md5(h.id::text), 'x', '**************0000',
            '1970-01-01', 'male', 'employed'
       FROM household h WHERE h.id = ANY($1)`,
    [inst.householdIds],
  );
  await client.query('ANALYZE');

  const tag = randomUUID().slice(0, 6);
  await app.get(UsersRepository).upsert({
    username: `bench.list.${tag}`,
    displayName: 'bench',
    passwordHash: await hashPassword('bench-password'),
    role: 'civil_affairs',
    areaId: inst.district,
    providerId: null,
  });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `bench.list.${tag}`, password: 'bench-password' }),
  });
  const { accessToken } = await login.json();
  const [{ path }] = (await client.query(`SELECT path FROM area WHERE id = $1`, [inst.district]))
    .rows;
  const auth = { authorization: `Bearer ${accessToken}` };

  const next = (state, cursor) => {
    state.pages += 1;
    state.cursor = state.pages % 25 === 0 ? null : cursor;
  };
  const api = await load(async (state) => {
    const q = state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : '';
    const res = await fetch(`${url}/api/households?limit=${LIMIT}${q}`, { headers: auth });
    if (res.status !== 200) return false;
    const body = await res.json();
    next(state, body.nextCursor);
  });

  // The statement the repository runs for a keyset page, as plain SQL.
  const raw = await load(async (state) => {
    const after = state.cursor ? `AND (h.created_at, h.id) < ($3::timestamptz, $4::uuid)` : '';
    const { rows } = await pool.query(
      `SELECT h.id AS id, h.phone_enc AS "phoneEnc", h.status AS status, h.tier AS tier, h.circle AS circle,
              h.next_revisit_at AS "nextRevisitAt", community.id AS "communityId", community.level AS "communityLevel",
              community.code AS "communityCode", community.name AS "communityName",
              (SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName",
              (SELECT count(*)::int FROM household_member hm WHERE hm.household_id = h.id) AS size,
              (h.created_at)::text AS ks_0, (h.id)::text AS ks_1
         FROM household h INNER JOIN area community ON community.id = h.community_id
        WHERE community.path LIKE $1 ${after}
        ORDER BY h.created_at DESC, h.id DESC LIMIT $2`,
      state.cursor ? [`${path}%`, LIMIT + 1, ...state.cursor] : [`${path}%`, LIMIT + 1],
    );
    const last = rows[LIMIT - 1];
    next(state, rows.length > LIMIT ? [last.ks_0, last.ks_1] : null);
  });

  const offset = await load(async (state) => {
    const res = await fetch(`${url}/api/households?limit=${LIMIT}&page=${1 + (state.pages % 25)}`, {
      headers: auth,
    });
    if (res.status !== 200) return false;
    await res.arrayBuffer();
    state.pages += 1;
  });

  // The approval queue: one proposal for every need of the district (its resource: one of the
  // instance's), then pages of it as the approvals page reads them.
  await client.query(
    `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, score, rank, urgency, category_code, explanation)
     SELECT n.id, n.household_id,
            (SELECT r.id FROM resource r JOIN area a ON a.id = r.coverage_area_id WHERE a.path LIKE $2 LIMIT 1),
            n.assessment_id, 0.5, 1, n.urgency, n.category_code, '[]'::jsonb
       FROM need n WHERE n.household_id = ANY($1)`,
    [inst.householdIds, `${path}%`],
  );
  await client.query('ANALYZE match_proposal');
  const queue = await load(async (state) => {
    const q = state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : '';
    const res = await fetch(`${url}/api/matches?limit=${LIMIT}${q}`, { headers: auth });
    if (res.status !== 200) return false;
    const body = await res.json();
    next(state, body.nextCursor);
  });

  // The API's own floor: an authenticated GET that reads one row (the caller's profile).
  const floor = await load(async () => {
    const res = await fetch(`${url}/api/auth/me`, { headers: auth });
    await res.arrayBuffer();
    if (res.status !== 200) return false;
  });

  const [{ n }] = (
    await client.query(
      `SELECT count(*)::int AS n FROM household h JOIN area a ON a.id = h.community_id WHERE a.path LIKE $1`,
      [`${path}%`],
    )
  ).rows;
  console.log(`${n} households in scope, pages of ${LIMIT}, ${CLIENTS} clients, ${SECONDS} s each`);
  for (const [name, r] of Object.entries({ api, raw, offset, floor, queue })) {
    console.log(
      `${name.padEnd(7)}: ${r.done} pages (${r.failed} failed) = ${r.rate.toFixed(0)} req/s`,
    );
  }
  console.log(
    `--- ratio (target ≥ 50%): api / raw = ${((api.rate / raw.rate) * 100).toFixed(1)}%; offset (counted) / api = ${((offset.rate / api.rate) * 100).toFixed(1)}%; api / floor (GET /auth/me) = ${((api.rate / floor.rate) * 100).toFixed(1)}%`,
  );
  return { n, api: api.rate, raw: raw.rate, offset: offset.rate, queue: queue.rate };
}

try {
  const results = [];
  for (const size of SIZES) results.push(await measure(size));
  if (results.length > 1) {
    const [small, large] = [results[0], results.at(-1)];
    const pct = (a, b) => `${((a / b) * 100).toFixed(1)}%`;
    console.log(
      `--- scope ${large.n} / ${small.n} households (near 100%: a page costs the same): api ${pct(large.api, small.api)}, raw ${pct(large.raw, small.raw)}, offset ${pct(large.offset, small.offset)}, queue ${pct(large.queue, small.queue)}`,
    );
  }
} finally {
  await pool.end();
  await app.close();
  await client.end();
}
