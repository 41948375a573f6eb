import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { EventOutbox, type OutboxEventInput } from '@onedoor/platform';
import { NotificationDispatcher } from '@onedoor/notifications';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';
import { freePort } from './support/throwaway-redis';

interface SseEvent {
  id: string;
  data: { id: string; type: string; title: string; entityId: string };
}

/** A raw SSE client: what the stream wrote so far, parsed into events. */
function openStream(port: number, headers: Record<string, string>, path = '') {
  let raw = '';
  let status = 0;
  const req = http.get({
    host: '127.0.0.1',
    port,
    path: `/api/notifications/stream${path}`,
    headers,
  });
  const ends: Array<() => void> = [];
  req.on('response', (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (raw += chunk));
    res.on('end', () => ends.forEach((f) => f()));
    res.on('close', () => ends.forEach((f) => f()));
  });
  req.on('error', () => undefined);
  const events = (): SseEvent[] =>
    raw
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => {
        const line = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2) ?? '';
        return { id: line('id'), data: JSON.parse(line('data')) };
      });
  return {
    events,
    raw: () => raw,
    status: () => status,
    close: () => req.destroy(),
    onEnd: (f: () => void) => ends.push(f),
  };
}

describe('Notifications (e2e)', () => {
  withMatcher();
  let ctx: TestContext;
  let port: number;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let providerA: { id: string };
  const users: Record<string, { id: string; token: string }> = {};

  const newUser = async (
    name: string,
    role: Parameters<TestContext['newUser']>[0],
    area: Parameters<TestContext['newUser']>[1],
    providerId: string | null = null,
  ) => {
    const u = await ctx.newUser(role, area, providerId);
    users[name] = { id: u.id, token: `Bearer ${await ctx.login(u.username)}` };
  };

  const emit = (...events: OutboxEventInput[]) =>
    ctx.dataSource.transaction((m) =>
      ctx.app.get(EventOutbox, { strict: false }).emit(m, ...events),
    );

  const referralCreated = (over: Partial<OutboxEventInput> = {}): OutboxEventInput => ({
    type: 'referral.created',
    entityType: 'referral',
    entityId: randomUUID(),
    areaPath: d.communityA.path,
    providerId: providerA.id,
    audience: [
      { providerId: providerA.id },
      { roles: ['civil_affairs'], areaPath: d.communityA.path },
    ],
    data: { subject: '助餐服务', dueAt: '2026-12-03T01:00:00.000Z' },
    ...over,
  });

  const inbox = async (name: string) =>
    (await ctx.http.get('/api/notifications?limit=100').set('Authorization', users[name].token))
      .body.items as Array<{ id: string; entityId: string; title: string; readAt: string | null }>;

  const noticeOf = (name: string, entityId: string) =>
    eventually(
      async () => (await inbox(name)).find((n) => n.entityId === entityId),
      15_000,
      `${name}'s notice of ${entityId}`,
    );

  const dispatched = (entityId: string) =>
    eventually(
      async () =>
        (
          await ctx.dataSource.query(
            `SELECT 1 FROM outbox_event WHERE entity_id = $1 AND dispatched_at IS NOT NULL`,
            [entityId],
          )
        ).length > 0,
      15_000,
      `the dispatch of ${entityId}`,
    );

  beforeAll(async () => {
    ctx = await startApi();
    await ctx.app.listen(0, '127.0.0.1');
    port = (ctx.app.getHttpServer().address() as AddressInfo).port;
    d = await ctx.newDistrict();
    providerA = await ctx.newProvider(d.streetA);
    const providerB = await ctx.newProvider(d.streetA);
    await newUser('providerA', 'provider', d.streetA, providerA.id);
    await newUser('providerA2', 'provider', d.streetA, providerA.id);
    await newUser('providerB', 'provider', d.streetA, providerB.id);
    await newUser('districtStaff', 'civil_affairs', d.district);
    await newUser('streetBStaff', 'civil_affairs', d.streetB);
  });

  afterAll(() => ctx?.close());

  it("reaches the provider's users and the staff whose scope contains the area, nobody else", async () => {
    const event = referralCreated();
    await emit(event);
    const notice = await noticeOf('providerA', event.entityId);
    expect(notice).toMatchObject({ title: '新的转介', readAt: null });
    await noticeOf('providerA2', event.entityId);
    await noticeOf('districtStaff', event.entityId);
    await dispatched(event.entityId);
    expect((await inbox('providerB')).find((n) => n.entityId === event.entityId)).toBeUndefined();
    expect(
      (await inbox('streetBStaff')).find((n) => n.entityId === event.entityId),
    ).toBeUndefined();
  });

  it('writes the body in Beijing time, amounts in yuan and codes by their Chinese labels', async () => {
    const [{ name_zh: medical }] = await ctx.dataSource.query(
      `SELECT name_zh FROM category WHERE code = 'medical'`,
    );
    const event = referralCreated({
      type: 'tender.published',
      entityType: 'service_project',
      data: {
        projectTitle: '居家养老服务项目',
        categoryCode: 'medical',
        budgetFen: '12345050',
        closesAt: '2026-12-31T16:00:00.000Z',
      },
    });
    await emit(event);
    await noticeOf('providerA', event.entityId);
    const [{ body }] = await ctx.dataSource.query(
      `SELECT body FROM notification WHERE entity_id = $1 AND user_id = $2`,
      [event.entityId, users.providerA.id],
    );
    expect(body).toBe(
      `您所在地区发布了招标项目：居家养老服务项目（${medical}，预算 ¥123,450.50），投标截止 2027-01-01 00:00。`,
    );
  });

  it('counts unread, marks one and all read, and never lets a user touch another’s notice', async () => {
    const [first, second] = [referralCreated(), referralCreated()];
    await emit(first, second);
    const a = await noticeOf('providerA2', first.entityId);
    await noticeOf('providerA2', second.entityId);
    const count = () =>
      ctx.http
        .get('/api/notifications/unread-count')
        .set('Authorization', users.providerA2.token)
        .expect(200)
        .then((r) => r.body.unread as number);
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);

    const other = await ctx.http
      .post(`/api/notifications/${a.id}/read`)
      .set('Authorization', users.providerB.token)
      .expect(404);
    expect(other.body.code).toBe('NOTIFICATION_NOT_FOUND');

    const read = await ctx.http
      .post(`/api/notifications/${a.id}/read`)
      .set('Authorization', users.providerA2.token)
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(await count()).toBe(before - 1);
    // Unread first: the read one sorts after every unread one.
    const items = await inbox('providerA2');
    expect(items.findIndex((n) => n.id === a.id)).toBe(items.length - 1);

    const all = await ctx.http
      .post('/api/notifications/read-all')
      .set('Authorization', users.providerA2.token)
      .expect(200);
    expect(all.body.marked).toBe(before - 1);
    expect(await count()).toBe(0);
  });

  it('pushes a notice live over SSE, and a reconnect with Last-Event-ID replays what was missed', async () => {
    const stream = openStream(port, { authorization: users.providerA.token });
    try {
      await eventually(async () => stream.raw().includes(': connected'), 5_000, 'the stream');
      expect(stream.status()).toBe(200);
      const live = referralCreated();
      await emit(live);
      const pushed = await eventually(
        async () => stream.events().find((e) => e.data.entityId === live.entityId),
        15_000,
        'the live event',
      );
      expect(pushed.id).toBe(pushed.data.id);
      expect(pushed.data).toMatchObject({ type: 'referral.created', title: '新的转介' });
      stream.close();

      // Missed while away: the inbox has it, the closed stream did not see it.
      const missed = referralCreated();
      await emit(missed);
      await noticeOf('providerA', missed.entityId);

      // EventSource cannot set headers: the token rides in the query.
      const token = users.providerA.token.slice('Bearer '.length);
      const again = openStream(port, { 'last-event-id': pushed.id }, `?access_token=${token}`);
      try {
        const replayed = await eventually(
          async () => again.events().find((e) => e.data.entityId === missed.entityId),
          5_000,
          'the replay',
        );
        expect(Number(replayed.id)).toBeGreaterThan(Number(pushed.id));
        expect(again.events().some((e) => e.id === pushed.id)).toBe(false);
      } finally {
        again.close();
      }
    } finally {
      stream.close();
    }
  });

  it('refuses a stream without a valid token with 401 in the error shape', async () => {
    const none = await ctx.http.get('/api/notifications/stream').expect(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const bad = await ctx.http.get('/api/notifications/stream?access_token=forged').expect(401);
    expect(bad.body.code).toBe('UNAUTHENTICATED');
  });

  it('keeps an event type out of the inbox when the user turned it off; unknown types 400', async () => {
    const put = await ctx.http
      .put('/api/notifications/preferences')
      .set('Authorization', users.providerA.token)
      .send({ preferences: [{ eventType: 'resource.published', inbox: false, email: true }] })
      .expect(200);
    expect(put.body.preferences).toContainEqual({
      eventType: 'resource.published',
      inbox: false,
      email: true,
    });
    const got = await ctx.http
      .get('/api/notifications/preferences')
      .set('Authorization', users.providerA.token)
      .expect(200);
    expect(got.body.preferences).toContainEqual({
      eventType: 'referral.created',
      inbox: true,
      email: true,
    });

    const published: OutboxEventInput = {
      type: 'resource.published',
      entityType: 'resource',
      entityId: randomUUID(),
      areaPath: d.streetA.path,
      audience: [{ userIds: [users.providerA.id, users.providerA2.id] }],
      data: { subject: '助餐服务' },
    };
    await emit(published);
    await noticeOf('providerA2', published.entityId);
    await dispatched(published.entityId);
    expect(
      (await inbox('providerA')).find((n) => n.entityId === published.entityId),
    ).toBeUndefined();

    const unknown = await ctx.http
      .put('/api/notifications/preferences')
      .set('Authorization', users.providerA.token)
      .send({ preferences: [{ eventType: 'referral.invented', inbox: false, email: false }] })
      .expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
  });

  it('writes each notice once when the dispatch runs again', async () => {
    const event = referralCreated();
    await emit(event);
    await dispatched(event.entityId);
    const rows = () =>
      ctx.dataSource
        .query(
          `SELECT n.user_id FROM notification n JOIN outbox_event e ON e.id = n.event_id
            WHERE e.entity_id = $1`,
          [event.entityId],
        )
        .then((r: unknown[]) => r.length);
    const once = await rows();
    expect(once).toBe(3); // two provider users, the district's staff
    await ctx.dataSource.query(
      `UPDATE outbox_event SET dispatched_at = NULL WHERE entity_id = $1`,
      [event.entityId],
    );
    const dispatcher = ctx.app.get(NotificationDispatcher, { strict: false });
    await dispatcher.dispatchPending();
    await dispatcher.dispatchPending();
    await dispatched(event.entityId);
    expect(await rows()).toBe(once);
  });
});

describe('Live streams at shutdown (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx?.close());

  it('ends open event streams when the API drains, so a SIGTERM exits in seconds', async () => {
    const port = await freePort();
    let output = '';
    // The compiled API as it runs, on the run's database and Redis.
    const api = spawn(process.execPath, [join(__dirname, '../../dist/apps/api/src/main.js')], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (c) => (output += c));
    api.stderr!.on('data', (c) => (output += c));
    try {
      const user = await ctx.newUser('assessor', null);
      const token = `Bearer ${await ctx.login(user.username)}`;
      let stream = openStream(port, { authorization: token });
      await eventually(
        async () => {
          if (api.exitCode !== null) throw new Error(`the API exited:\n${output}`);
          if (stream.status() === 200 && stream.raw().includes(': connected')) return true;
          stream.close();
          await new Promise((r) => setTimeout(r, 300));
          stream = openStream(port, { authorization: token });
          return false;
        },
        30_000,
        'an open stream on the spawned API',
      );
      const ended = new Promise<void>((resolve) => stream.onEnd(resolve));
      const started = Date.now();
      const exited = new Promise<number | null>((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await ended;
      expect(await exited).toBe(0);
      // The drain's limit is 10 s: an open stream must not hold the exit that long.
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      if (api.exitCode === null) api.kill('SIGKILL');
    }
  });
});
