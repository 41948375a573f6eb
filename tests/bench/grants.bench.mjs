// Emergency grants under contention (issue 23): 32 concurrent approvers against one fund,
// grants approved per second
//   service  GrantsService.approve called directly: the whole approval in one transaction
//            (household lock, grant row, delegated limit, stacking rules, audit row, outbox
//            event, fund movement, and last the conditional debit);
//   raw      the bare atomic `UPDATE relief_fund SET balance_fen = balance_fen - $n WHERE …
//            balance_fen >= $n`, one per grant, with the same concurrency (a pg pool of 32);
// then a scarce fund (pays 100 grants, 400 approvals at 32 at once) to count overdrafts: more
// money approved than the fund held, or a balance below zero (must be 0).
// `npm run bench -- grants` (BENCH_GRANTS per run, default 1,000).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { buildInstance } from './matcher/instance.mjs';
import { contend, cpuPer } from './contend.mjs';

const require = createRequire(import.meta.url);
const { Client, Pool } = require('pg');
const { createApiApp } = require('../../dist/apps/api/src/create-api-app.js');
const {
  PiiCipher,
  UsersRepository,
  hashPassword,
} = require('../../dist/libs/platform/src/index.js');
const { GrantsService } = require('../../dist/libs/relief/src/index.js');

const PER_RUN = Number(process.env.BENCH_GRANTS ?? 1_000);
const CONCURRENCY = 32;
const SCARCE = { grants: 400, affordable: 100 };
const AMOUNT_FEN = 50_000; // ¥500

const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
// One household per grant: the stacking rules allow one emergency grant per household a year.
const inst = await buildInstance(client, { households: PER_RUN + SCARCE.grants, resources: 12 });
let used = 0;

async function newFund(balanceFen) {
  const { rows } = await client.query(
    `INSERT INTO relief_fund (kind, name, area_id, area_path, managing_office, budget_fen, balance_fen,
            period_start, period_end, version)
     SELECT 'reserve', $1, a.id, a.path, '区民政局社会救助科', $2, $2, '2020-01-01', '2099-12-31', 1
       FROM area a WHERE a.id = $3 RETURNING id`,
    [`bench fund ${randomUUID().slice(0, 6)}`, balanceFen, inst.district],
  );
  return rows[0].id;
}

/** `count` requested grants from `fundId`, each for a household no other grant uses. */
async function requested(fundId, count) {
  const ids = inst.householdIds.slice(used, used + count);
  used += count;
  if (ids.length < count) throw new Error('not enough households in the instance');
  const { rows } = await client.query(
    `INSERT INTO emergency_grant (household_id, area_path, fund_id, amount_fen, reason, decision_due_at, version)
     SELECT h.id, a.path, $2, $3, $4, now() + interval '4 hours', 1
       FROM household h JOIN area a ON a.id = h.community_id
      WHERE h.id = ANY($1)
     RETURNING id`,
    [ids, fundId, AMOUNT_FEN, reason],
  );
  return rows.map((r) => r.id);
}

const balanceOf = async (id) =>
  Number(
    (await client.query(`SELECT balance_fen FROM relief_fund WHERE id = $1`, [id])).rows[0]
      .balance_fen,
  );

const app = await createApiApp();
await app.init();
// The reason is stored encrypted, as a request stores it.
const reason = app.get(PiiCipher).encrypt('bench');
const results = [];
let overdrafts = 0;
let scarceFailed = 0;
const errors = new Map();
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
  const [staff] = (
    await client.query(
      `SELECT u.id AS "userId", u.username, u.role, u.area_id AS "areaId", a.path AS "areaPath"
         FROM app_user u JOIN area a ON a.id = u.area_id WHERE u.username = $1`,
      [`bench.staff.${tag}`],
    )
  ).rows;
  const principal = { ...staff, providerId: null };
  const grants = app.get(GrantsService);
  const approve = (id) =>
    grants.approve(id, {}, principal).then(
      () => 'ok',
      (e) => {
        if (e.code === 'FUND_INSUFFICIENT') return 'refused';
        errors.set(e.code ?? e.message, (errors.get(e.code ?? e.message) ?? 0) + 1);
        return 'failed';
      },
    );

  // Ample fund: every approval succeeds; the rate is the approval's own cost under contention.
  const ample = await newFund(AMOUNT_FEN * PER_RUN * 10);
  const service = await contend(await requested(ample, PER_RUN), CONCURRENCY, approve);
  results.push({ name: 'service', ...service, balance: await balanceOf(ample) });

  // The floor: the bare conditional update, one grant's amount per statement.
  const rawFund = await newFund(AMOUNT_FEN * PER_RUN * 10);
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY });
  const raw = await contend(Array.from({ length: PER_RUN }), CONCURRENCY, async () => {
    const { rowCount } = await pool.query(
      `UPDATE relief_fund SET balance_fen = balance_fen - $2 WHERE id = $1 AND balance_fen >= $2`,
      [rawFund, AMOUNT_FEN],
    );
    return rowCount === 1 ? 'ok' : 'refused';
  });
  await pool.end();
  results.push({ name: 'raw', ...raw, balance: await balanceOf(rawFund) });

  // Scarce fund: it pays 100 of 400.
  const scarce = await newFund(AMOUNT_FEN * SCARCE.affordable);
  const scarceRun = await contend(await requested(scarce, SCARCE.grants), CONCURRENCY, approve);
  scarceFailed = scarceRun.failed;
  const left = await balanceOf(scarce);
  const [{ approved, debited }] = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM emergency_grant WHERE fund_id = $1 AND status = 'approved') AS approved,
              (SELECT -COALESCE(sum(amount_fen), 0)::bigint FROM relief_fund_movement WHERE fund_id = $1) AS debited`,
      [scarce],
    )
  ).rows;
  console.log(
    `scarce: a fund paying ${SCARCE.affordable}, ${SCARCE.grants} approvals at ${CONCURRENCY} concurrent → ${scarceRun.ok} approved, ${scarceRun.refused} refused (FUND_INSUFFICIENT), ${scarceRun.failed} failed; balance ${left}, approved rows ${approved}, debited ${debited} fen`,
  );
  // A negative balance cannot be read (the CHECK refuses it): an attempt shows as a failed
  // approval (counted below) or as more approved than the fund could pay.
  if (approved * AMOUNT_FEN > AMOUNT_FEN * SCARCE.affordable)
    overdrafts += approved - SCARCE.affordable;
  if (
    Number(debited) !== approved * AMOUNT_FEN ||
    Number(debited) + left !== AMOUNT_FEN * SCARCE.affordable
  )
    overdrafts += 1;
} finally {
  await app.close();
  await client.end();
}

for (const r of results) {
  console.log(
    `${r.name.padEnd(8)} ×${CONCURRENCY}: ${r.ok} debited, ${r.refused} refused, ${r.failed} failed in ${r.seconds.toFixed(2)} s = ${(r.ok / r.seconds).toFixed(0)} grants/s (balance ${r.balance}); ${cpuPer(r)}`,
  );
}
if (errors.size) console.log('failures by code:', Object.fromEntries(errors));
const rate = (name) => {
  const r = results.find((x) => x.name === name);
  return r.ok / r.seconds;
};
console.log(
  `--- ratio (target ≥ 70%): service / raw = ${((rate('service') / rate('raw')) * 100).toFixed(1)}%`,
);
console.log(`overdrafts: ${overdrafts}`);
// Figures are printed, not asserted; money that does not add up is a failure of the run.
if (overdrafts > 0 || scarceFailed > 0 || results.some((r) => r.failed > 0)) process.exitCode = 1;
