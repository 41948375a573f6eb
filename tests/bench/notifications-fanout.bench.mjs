// Notification fan-out (issue 18): BENCH_EVENTS events (default 10,000) `referral.created`, each
// to its provider's users and the civil-affairs staff whose scope contains the community (≈10
// recipients each), measured in one run:
//   dispatcher  EventOutbox.emit (the emitters' write, in transactions of 500) + the real
//               NotificationDispatcher until none is left: audiences resolved to active users
//               with their preferences, inbox rows written, pushed on pub/sub, events stamped;
//   floor       a raw multi-row INSERT of the same outbox rows + BullMQ addBulk of one job per
//               delivery (event × recipient), the least a queue-per-delivery design must do.
// Prints both, deliveries per second and the dispatcher/floor ratio. `npm run bench -- notifications`.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { Queue } = require('bullmq');
const { NestFactory } = require('@nestjs/core');
const { EventOutbox, PlatformModule } = require('../../dist/libs/platform/src/index.js');
const {
  NotificationDispatcher,
  NotificationsModule,
} = require('../../dist/libs/notifications/src/index.js');
const { MIGRATIONS } = require('../../dist/migrations/index.js');
// The user entity names areas and providers: their libs' entities must be loaded too.
const { AreasModule } = require('../../dist/libs/areas/src/index.js');
const { ResourcesModule } = require('../../dist/libs/resources/src/index.js');

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const PROVIDERS = 50;
const USERS_PER_PROVIDER = 3;
const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (s) => `${s.toFixed(2)} s`;

const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

// A city > district > 10 streets > 2 communities each; staff at the district (5) and each
// street (2); PROVIDERS organizations with USERS_PER_PROVIDER users each.
const tag = randomUUID().slice(0, 8);
const city = randomUUID();
const district = randomUUID();
const areas = [
  [city, null, 'city', `/${city}/`],
  [district, city, 'district', `/${city}/${district}/`],
];
const streets = [];
const communities = [];
for (let s = 0; s < 10; s += 1) {
  const street = randomUUID();
  const streetPath = `/${city}/${district}/${street}/`;
  areas.push([street, district, 'street', streetPath]);
  streets.push({ id: street, path: streetPath });
  for (let c = 0; c < 2; c += 1) {
    const community = randomUUID();
    areas.push([community, street, 'community', `${streetPath}${community}/`]);
    communities.push({ id: community, path: `${streetPath}${community}/` });
  }
}
for (const [id, parent, level, path] of areas) {
  await client.query(
    `INSERT INTO area (id, parent_id, level, code, name, path, minimum_living_standard_fen)
     VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [id, parent, level, `BN-${tag}-${id.slice(0, 8)}`, path, level === 'district' ? 110000 : null],
  );
}
const providers = [];
for (let p = 0; p < PROVIDERS; p += 1) {
  const uscc = `BN${tag}${String(p).padStart(4, '0')}`.toUpperCase().padEnd(18, '0').slice(0, 18);
  const { rows } = await client.query(
    `INSERT INTO provider (kind, name, uscc, home_area_id, verification, rating)
     VALUES ('charity', $1, $2, $3, 'verified', 80) RETURNING id`,
    [`bench ${p}`, uscc, district],
  );
  providers.push(rows[0].id);
}
const users = [
  ...Array.from({ length: 5 }, () => ['civil_affairs', district, null]),
  ...streets.flatMap((s) => [
    ['civil_affairs', s.id, null],
    ['civil_affairs', s.id, null],
  ]),
  ...providers.flatMap((p) =>
    Array.from({ length: USERS_PER_PROVIDER }, () => ['provider', district, p]),
  ),
];
await client.query(
  `INSERT INTO app_user (username, display_name, role, area_id, provider_id)
   SELECT 'bn.' || $1 || '.' || i, 'bench', r::user_role, a, p
     FROM unnest($2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS t(r, a, p, i)`,
  [tag, users.map((u) => u[0]), users.map((u) => u[1]), users.map((u) => u[2])],
);

const events = Array.from({ length: EVENTS }, (_, i) => {
  const community = communities[i % communities.length];
  const providerId = providers[i % providers.length];
  return {
    type: 'referral.created',
    entityType: 'referral',
    entityId: randomUUID(),
    areaPath: community.path,
    providerId,
    audience: [{ providerId }, { roles: ['civil_affairs'], areaPath: community.path }],
    data: { subject: `bench ${i}`, dueAt: '2026-12-03T01:00:00.000Z' },
  };
});
// Recipients per event: the provider's users + district staff + the community's street staff.
const perEvent = USERS_PER_PROVIDER + 5 + 2;
const deliveries = EVENTS * perEvent;

class BenchModule {}
const app = await NestFactory.createApplicationContext(
  {
    module: BenchModule,
    imports: [
      PlatformModule.forRoot({ applicationName: 'onedoor-bench', migrations: MIGRATIONS }),
      AreasModule,
      ResourcesModule,
      NotificationsModule,
    ],
  },
  { logger: ['error', 'warn'] },
);
const outbox = app.get(EventOutbox, { strict: false });
const dispatcher = app.get(NotificationDispatcher, { strict: false });
const { DataSource } = require('typeorm');
const dataSource = app.get(DataSource);

// (1) the dispatcher path.
let t = now();
for (let i = 0; i < events.length; i += 500) {
  await dataSource.transaction((m) => outbox.emit(m, ...events.slice(i, i + 500)));
}
const emitSeconds = now() - t;
t = now();
const dispatchedCount = await dispatcher.dispatchPending(Infinity);
const dispatchSeconds = now() - t;
const written = Number(
  (
    await client.query(
      `SELECT count(*) FROM notification n JOIN outbox_event e ON e.id = n.event_id
        WHERE e.entity_id = ANY($1)`,
      [events.map((e) => e.entityId)],
    )
  ).rows[0].count,
);
const dispatcherSeconds = emitSeconds + dispatchSeconds;

// (2) the floor: the same outbox rows by one raw INSERT per 500, then one job per delivery.
const queue = new Queue('bench-fanout-floor', {
  connection: { url: process.env.REDIS_URL },
  prefix: `${process.env.QUEUE_PREFIX ?? 'onedoor-bench'}-notify`,
});
const userIds = (
  await client.query(`SELECT id FROM app_user WHERE username LIKE $1 ORDER BY id`, [`bn.${tag}.%`])
).rows.map((r) => r.id);
t = now();
const ids = [];
for (let i = 0; i < events.length; i += 500) {
  const slice = events.slice(i, i + 500);
  const { rows } = await client.query(
    `INSERT INTO outbox_event (type, entity_type, entity_id, area_path, provider_id, audience, data, dispatched_at)
     SELECT * , now() FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::jsonb[], $7::jsonb[])
     RETURNING id`,
    [
      slice.map((e) => e.type),
      slice.map((e) => e.entityType),
      slice.map(() => randomUUID()),
      slice.map((e) => e.areaPath),
      slice.map((e) => e.providerId),
      slice.map((e) => JSON.stringify(e.audience)),
      slice.map((e) => JSON.stringify(e.data)),
    ],
  );
  ids.push(...rows.map((r) => r.id));
}
let jobs = [];
for (let e = 0; e < ids.length; e += 1) {
  for (let r = 0; r < perEvent; r += 1) {
    jobs.push({
      name: 'deliver',
      data: { eventId: ids[e], userId: userIds[(e * perEvent + r) % userIds.length] },
    });
    if (jobs.length === 1_000) {
      await queue.addBulk(jobs);
      jobs = [];
    }
  }
}
if (jobs.length) await queue.addBulk(jobs);
const floorSeconds = now() - t;
await queue.obliterate({ force: true });
await queue.close();
await app.close();
await client.end();

console.log(`events: ${EVENTS}, recipients each: ${perEvent}, deliveries: ${deliveries}`);
console.log(
  `dispatcher: ${fmt(dispatcherSeconds)} (emit ${fmt(emitSeconds)} + dispatch ${fmt(dispatchSeconds)}), ` +
    `${dispatchedCount} events, ${written} inbox rows, ${Math.round(written / dispatcherSeconds)} deliveries/s`,
);
console.log(
  `floor (raw outbox INSERT + BullMQ addBulk per delivery): ${fmt(floorSeconds)}, ` +
    `${Math.round(deliveries / floorSeconds)} deliveries/s`,
);
console.log(`ratio dispatcher/floor time: ${(dispatcherSeconds / floorSeconds).toFixed(2)}`);
if (written !== deliveries) {
  console.error(`expected ${deliveries} inbox rows, found ${written}`);
  process.exitCode = 1;
}
