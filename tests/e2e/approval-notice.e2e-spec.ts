import { createHmac } from 'node:crypto';
import http, { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

/**
 * The whole path of one notice, as the issue asks: a real approval writes `referral.created`
 * in its transaction, the real matcher process dispatches it, and the provider's user reads it
 * in the inbox, sees it arrive on an open SSE stream, and the organization's webhook receiver
 * (a real HTTP server here) gets it signed.
 */
describe('An approval reaches the provider (e2e)', () => {
  let ctx: TestContext;
  let port: number;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
    await ctx.app.listen(0, '127.0.0.1');
    port = (ctx.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => ctx.close());

  it('through the inbox, the live stream and a signed webhook', async () => {
    const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/onedoor`;

    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { provider, token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const resource = await ctx.publishedResource(providerToken, staff, tree.communityA, {
      categoryCode: 'legal_aid',
    });
    // A loopback receiver needs the admin-only private-network allowance.
    const admin = await ctx.tokenFor('admin');
    const sub = (
      await ctx.http
        .post('/api/webhooks')
        .set('Authorization', admin)
        .send({
          providerId: provider.id,
          url: hook,
          eventTypes: ['referral.created'],
          allowPrivateNetwork: true,
        })
        .expect(201)
    ).body as { secret: string };

    // The provider's user listens before the approval.
    let raw = '';
    const stream = http.get({
      host: '127.0.0.1',
      port,
      path: '/api/notifications/stream',
      headers: { authorization: providerToken },
    });
    stream.on('response', (res) => res.setEncoding('utf8').on('data', (c) => (raw += c)));
    stream.on('error', () => undefined);
    try {
      await eventually(async () => raw.includes(': connected'), 5_000, 'the stream to open');

      const { household } = await ctx.assessedHousehold(assessor, tree.communityA, {
        legal_dispute: true,
      });
      const proposalId = await eventually(
        async () => {
          const needs = (
            await ctx.http
              .get(`/api/households/${household.id}/matches`)
              .set('Authorization', staff)
              .expect(200)
          ).body as Array<{ proposals: Array<{ id: string; resourceId: string }> }>;
          return needs.flatMap((n) => n.proposals).find((p) => p.resourceId === resource.id)?.id;
        },
        20_000,
        'a proposal from the matcher',
      );
      const referral = (
        await ctx.http
          .post(`/api/matches/${proposalId}/approve`)
          .set('Authorization', staff)
          .send({})
          .expect(201)
      ).body as { id: string };

      // The inbox.
      const notice = await eventually(
        async () => {
          const inbox = (
            await ctx.http.get('/api/notifications').set('Authorization', providerToken)
          ).body as { items: Array<{ type: string; entityId: string; title: string }> };
          return inbox.items.find((n) => n.type === 'referral.created');
        },
        15_000,
        'the notice in the inbox',
      );
      expect(notice).toMatchObject({ entityId: referral.id, title: '新的转介' });
      // The live stream.
      await eventually(
        async () => raw.includes('referral.created') && raw.includes(referral.id),
        10_000,
        'the notice on the stream',
      );
      // The webhook, signed with the subscription's secret.
      const hit = await eventually(async () => got[0], 15_000, 'the webhook delivery');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
        hit.headers['x-onedoor-signature'] as string,
      )!;
      expect(v1).toBe(createHmac('sha256', sub.secret).update(`${t}.${hit.body}`).digest('hex'));
      expect(JSON.parse(hit.body)).toMatchObject({
        type: 'referral.created',
        entity: expect.objectContaining({ id: referral.id }),
      });
    } finally {
      stream.destroy();
      await new Promise((r) => receiver.close(r));
    }
  });
});
