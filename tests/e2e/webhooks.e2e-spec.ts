import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EventOutbox,
  type OutboxEventEntity,
  type OutboxEventInput,
  PiiCipher,
} from '@onedoor/platform';
import { renderNotice, WebhookChannel } from '@onedoor/notifications';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on 127.0.0.1: /fail answers 500, /redirect 302, anything else 200. */
async function startReceiver(): Promise<{ server: Server; port: number; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      got.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        at: Date.now(),
      });
      res.statusCode = url.pathname.startsWith('/fail') ? 500 : 200;
      if (url.pathname.startsWith('/redirect')) {
        res.statusCode = 302;
        res.setHeader('Location', '/ok/redirected');
      }
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, got };
}

/** Short backoff and a low limit so retries and disabling happen within the test. */
const ENV = {
  WEBHOOK_ATTEMPTS: '3',
  WEBHOOK_BACKOFF_MS: '200',
  WEBHOOK_DISABLE_AFTER_FAILURES: '2',
};

describe('Webhooks (e2e)', () => {
  let ctx: TestContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: string;
  let base: string;

  withMatcher(ENV);

  beforeAll(async () => {
    ctx = await startApi(ENV);
    receiver = await startReceiver();
    base = `http://127.0.0.1:${receiver.port}`;
    admin = await ctx.tokenFor('admin');
  });

  afterAll(async () => {
    await ctx?.close();
    await new Promise((r) => receiver?.server.close(r));
  });

  /** Emits through platform's EventOutbox (as an emitter would) and returns the stored row. */
  async function emit(over: Partial<OutboxEventInput>): Promise<OutboxEventEntity> {
    const entityId = randomUUID();
    await ctx.dataSource.transaction((m) =>
      ctx.app.get(EventOutbox, { strict: false }).emit(m, {
        type: 'referral.created',
        entityType: 'referral',
        entityId,
        areaPath: null,
        audience: [],
        data: { resourceName: '助餐服务' },
        ...over,
      }),
    );
    return ctx.dataSource
      .getRepository<OutboxEventEntity>('outbox_event')
      .findOneByOrFail({ entityId });
  }

  const channel = () => ctx.app.get(WebhookChannel, { strict: false });

  async function orgAdmin(providerId: string, area: Parameters<TestContext['newUser']>[1]) {
    const user = await ctx.newUser('provider', area, providerId);
    await ctx.dataSource.query(`UPDATE app_user SET is_org_admin = true WHERE id = $1`, [user.id]);
    return { ...user, token: `Bearer ${await ctx.login(user.username)}` };
  }

  async function subscribe(token: string, body: Record<string, unknown>, status = 201) {
    const res = await ctx.http.post('/api/webhooks').set('Authorization', token).send(body);
    expect(res.status).toBe(status);
    return res.body;
  }

  it('refuses internal addresses, other schemes and unknown event types to a non-admin', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const { token } = await orgAdmin(provider.id, district);
    for (const url of [
      'http://127.0.0.1/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://169.254.169.254/',
      'ftp://example.com/hook',
    ]) {
      const body = await subscribe(token, { url, eventTypes: ['referral.created'] }, 400);
      expect(body.code).toBe('WEBHOOK_URL_REFUSED');
    }
    const unknown = await subscribe(
      token,
      { url: 'https://example.com/hook', eventTypes: ['referral.created', 'no.such'] },
      400,
    );
    expect(unknown.code).toBe('WEBHOOK_EVENT_TYPE_UNKNOWN');
    // Only an admin may allow a private address.
    await subscribe(
      token,
      { url: `${base}/x`, eventTypes: ['referral.created'], allowPrivateNetwork: true },
      403,
    );
    // A public address is fine, for its own organization only.
    const ok = await subscribe(token, {
      url: 'https://example.com/hook',
      eventTypes: ['referral.created'],
    });
    expect(ok).toMatchObject({ providerId: provider.id, format: 'json', hasSecret: true });
    expect(ok.secret).toEqual(expect.any(String));
    // Another organization's admin, and staff of another area, see nothing: 404 like missing.
    const other = await orgAdmin((await ctx.newProvider(district)).id, district);
    await ctx.http.get(`/api/webhooks/${ok.id}`).set('Authorization', other.token).expect(404);
    const { streetA } = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', streetA);
    await ctx.http.get(`/api/webhooks/${ok.id}`).set('Authorization', staff).expect(404);
    // The one that created it can read it, without the secret.
    const mine = await ctx.http
      .get(`/api/webhooks/${ok.id}`)
      .set('Authorization', token)
      .expect(200);
    expect(mine.body.secret).toBeUndefined();
  });

  it('delivers a signed JSON event to a local receiver once, and logs it', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const sub = await subscribe(admin, {
      providerId: provider.id,
      url: `${base}/ok/${provider.id}`,
      eventTypes: ['referral.created'],
      allowPrivateNetwork: true,
    });
    const event = await emit({ providerId: provider.id, areaPath: district.path });
    // An event of a type it did not subscribe to, and another organization's, go nowhere.
    const ignored = await emit({ type: 'resource.published', providerId: provider.id });
    await channel().deliver(ignored, []);
    await channel().deliver(event, []);
    await channel().deliver(event, []); // handed over twice: delivered once

    const hit = await eventually(
      async () => receiver.got.find((r) => r.path === `/ok/${provider.id}`),
      15_000,
      'the webhook',
    );
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
      hit.headers['x-onedoor-signature'] as string,
    )!;
    const expected = createHmac('sha256', sub.secret).update(`${t}.${hit.body}`).digest('hex');
    expect(v1).toBe(expected);
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    expect(hit.headers['x-onedoor-event']).toBe('referral.created');
    expect(JSON.parse(hit.body)).toEqual({
      id: event.id,
      type: 'referral.created',
      occurredAt: new Date(event.createdAt).toISOString(),
      entity: { type: 'referral', id: event.entityId },
      data: { resourceName: '助餐服务' },
    });

    const log = await eventually(
      async () => {
        const res = await ctx.http
          .get(`/api/webhooks/${sub.id}/deliveries`)
          .set('Authorization', admin)
          .expect(200);
        return res.body.items[0]?.status === 'succeeded' && res.body;
      },
      10_000,
      'the delivery logged as succeeded',
    );
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      eventId: event.id,
      eventType: 'referral.created',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(hit.headers['x-onedoor-delivery']).toBe(log.items[0].id);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.got.filter((r) => r.path === `/ok/${provider.id}`)).toHaveLength(1);

    // The test button sends a ping at once.
    const ping = await ctx.http
      .post(`/api/webhooks/${sub.id}/test`)
      .set('Authorization', admin)
      .expect(200);
    expect(ping.body).toEqual({ ok: true, statusCode: 200, error: null });
    expect(receiver.got.at(-1)!.headers['x-onedoor-event']).toBe('webhook.ping');
  });

  it('retries a failing receiver with backoff, logs each attempt, and disables the subscription at the limit', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const owner = await orgAdmin(provider.id, district);
    const path = `/fail/${provider.id}`;
    const sub = await subscribe(admin, {
      providerId: provider.id,
      url: `${base}${path}`,
      eventTypes: ['referral.created'],
      allowPrivateNetwork: true,
    });

    const first = await emit({ providerId: provider.id });
    await channel().deliver(first, []);
    await eventually(
      async () => receiver.got.filter((r) => r.path === path).length >= 3,
      20_000,
      'three attempts',
    );
    const times = receiver.got.filter((r) => r.path === path).map((r) => r.at);
    // Exponential: 200 ms, then 400 ms (BullMQ's delay is a floor).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(180);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(380);
    const log = await eventually(
      async () => {
        const res = await ctx.http
          .get(`/api/webhooks/${sub.id}/deliveries`)
          .set('Authorization', owner.token)
          .expect(200);
        return res.body.items[0]?.status === 'failed' && res.body.items[0];
      },
      10_000,
      'the delivery logged as failed',
    );
    expect(log).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });
    let state = await ctx.http.get(`/api/webhooks/${sub.id}`).set('Authorization', owner.token);
    expect(state.body).toMatchObject({ active: true, consecutiveFailures: 1 });

    // The second delivery that fails for good reaches the limit (2): disabled, owner told.
    await channel().deliver(await emit({ providerId: provider.id }), []);
    await eventually(
      async () => {
        state = await ctx.http.get(`/api/webhooks/${sub.id}`).set('Authorization', owner.token);
        return state.body.active === false;
      },
      20_000,
      'the subscription disabled',
    );
    expect(state.body).toMatchObject({ consecutiveFailures: 2, disabledAt: expect.any(String) });
    const [notice] = await ctx.dataSource.query(
      `SELECT type, provider_id, audience, data FROM outbox_event WHERE type = 'webhook.disabled' AND entity_id = $1`,
      [sub.id],
    );
    expect(notice).toMatchObject({ provider_id: provider.id, audience: [{ userIds: [owner.id] }] });
    // The owner's notice names the receiver and the count (the template reads what is emitted).
    expect(renderNotice('webhook.disabled', notice.data).body).toBe(
      `订阅 ${new URL(sub.url).host} 连续 2 次投递失败，已自动停用。`,
    );
    const [audit] = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'disable'`,
      [sub.id],
    );
    expect(audit).toBeDefined();

    // A disabled subscription gets no new deliveries.
    const hitsBefore = receiver.got.filter((r) => r.path === path).length;
    await channel().deliver(await emit({ providerId: provider.id }), []);
    await new Promise((r) => setTimeout(r, 700));
    expect(receiver.got.filter((r) => r.path === path)).toHaveLength(hitsBefore);
  });

  it('posts WeCom and DingTalk robot messages for an area, DingTalk signed (加签)', async () => {
    const { district, streetA, communityA, streetB } = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', district);
    // Staff subscribe for areas in their subtree; not outside it, not for an organization.
    const elsewhere = await ctx.newDistrict();
    expect(
      (
        await subscribe(
          staff,
          {
            areaId: elsewhere.district.id,
            url: 'https://example.com/',
            eventTypes: ['referral.created'],
          },
          400,
        )
      ).code,
    ).toBe('WEBHOOK_OWNER_INVALID');
    const wecom = await subscribe(admin, {
      areaId: streetA.id,
      url: `${base}/wecom/${streetA.id}?key=abc`,
      eventTypes: ['resource.submitted'],
      format: 'wecom',
      allowPrivateNetwork: true,
    });
    expect(wecom.secret).toBeNull();
    const dingSecret = `SEC${randomUUID().replace(/-/g, '')}`;
    await subscribe(admin, {
      areaId: district.id,
      url: `${base}/ding/${district.id}?access_token=tok`,
      eventTypes: ['resource.submitted'],
      format: 'dingtalk',
      secret: dingSecret,
      allowPrivateNetwork: true,
    });
    // Staff of the district see the street's subscription (their subtree).
    await ctx.http.get(`/api/webhooks/${wecom.id}`).set('Authorization', staff).expect(200);

    // An event in community A reaches both (street A and the district are above it)…
    await channel().deliver(
      await emit({ type: 'resource.submitted', areaPath: communityA.path }),
      [],
    );
    // …one in street B only the district's.
    await channel().deliver(await emit({ type: 'resource.submitted', areaPath: streetB.path }), []);

    const weHit = await eventually(
      async () => receiver.got.find((r) => r.path === `/wecom/${streetA.id}`),
      15_000,
      'the WeCom message',
    );
    const we = JSON.parse(weHit.body);
    expect(we).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    expect(we.markdown.content).toContain('资源待审核');
    expect(weHit.query.get('key')).toBe('abc');

    const dings = await eventually(
      async () => {
        const hits = receiver.got.filter((r) => r.path === `/ding/${district.id}`);
        return hits.length >= 2 && hits;
      },
      15_000,
      'two DingTalk messages',
    );
    for (const hit of dings) {
      expect(JSON.parse(hit.body)).toEqual({
        msgtype: 'markdown',
        markdown: { title: '资源待审核', text: expect.stringContaining('资源待审核') },
      });
      const timestamp = hit.query.get('timestamp')!;
      expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
      const sign = createHmac('sha256', dingSecret)
        .update(`${timestamp}\n${dingSecret}`)
        .digest('base64');
      expect(hit.query.get('sign')).toBe(sign);
      expect(hit.query.get('access_token')).toBe('tok');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.got.filter((r) => r.path === `/wecom/${streetA.id}`)).toHaveLength(1);
  });

  it('checks the address again when it sends (DNS rebinding) and follows no redirect', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const sub = await subscribe(admin, {
      providerId: provider.id,
      url: `${base}/redirect/${provider.id}`,
      eventTypes: ['referral.created'],
      allowPrivateNetwork: true,
    });
    const redirected = await ctx.http
      .post(`/api/webhooks/${sub.id}/test`)
      .set('Authorization', admin)
      .expect(200);
    expect(redirected.body).toEqual({
      ok: false,
      statusCode: 302,
      error: 'HTTP 302 (redirects are not followed)',
    });
    expect(receiver.got.some((r) => r.path === '/ok/redirected')).toBe(false);

    // A name that resolves to loopback now (it passed the check when saved, say), without
    // the admin's leave: refused before connecting, at the ping and at a delivery.
    await ctx.dataSource.query(
      `UPDATE webhook_subscription SET url = $2, allow_private_network = false WHERE id = $1`,
      [sub.id, `http://localhost:${receiver.port}/rebound/${provider.id}`],
    );
    const refused = await ctx.http
      .post(`/api/webhooks/${sub.id}/test`)
      .set('Authorization', admin)
      .expect(200);
    expect(refused.body).toMatchObject({ ok: false, statusCode: null });
    expect(refused.body.error).toMatch(/refused: localhost resolves to internal address/);
    await channel().deliver(await emit({ providerId: provider.id }), []);
    const log = await eventually(
      async () => {
        const res = await ctx.http
          .get(`/api/webhooks/${sub.id}/deliveries`)
          .set('Authorization', admin)
          .expect(200);
        return res.body.items[0]?.status === 'failed' && res.body.items[0];
      },
      15_000,
      'the refused delivery logged',
    );
    expect(log).toMatchObject({ attempts: 3, lastStatusCode: null });
    expect(log.lastError).toMatch(/internal address/);
    expect(receiver.got.some((r) => r.path.startsWith('/rebound/'))).toBe(false);
  });

  it('queues again a pending delivery whose job Redis lost', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const sub = await subscribe(admin, {
      providerId: provider.id,
      url: `${base}/ok/lost/${provider.id}`,
      eventTypes: ['referral.created'],
      allowPrivateNetwork: true,
    });
    const event = await emit({ providerId: provider.id });
    // The row committed, its job never reached Redis (or was flushed with it).
    await ctx.dataSource.query(
      `INSERT INTO webhook_delivery (subscription_id, event_id, next_attempt_at)
       VALUES ($1, $2, now() - interval '10 minutes')`,
      [sub.id, event.id],
    );
    expect(await channel().requeueStale()).toBeGreaterThanOrEqual(1);
    await eventually(
      async () => receiver.got.find((r) => r.path === `/ok/lost/${provider.id}`),
      15_000,
      'the re-queued delivery',
    );
  });

  it('keeps the secret encrypted at rest', async () => {
    const { district } = await ctx.newDistrict();
    const provider = await ctx.newProvider(district);
    const sub = await subscribe(admin, {
      providerId: provider.id,
      url: 'https://example.com/hook',
      eventTypes: ['referral.created'],
    });
    const [row] = await ctx.dataSource.query(
      `SELECT secret_enc FROM webhook_subscription WHERE id = $1`,
      [sub.id],
    );
    expect(row.secret_enc).not.toContain(sub.secret);
    expect(ctx.app.get(PiiCipher, { strict: false }).decrypt(row.secret_enc)).toBe(sub.secret);
  });
});
