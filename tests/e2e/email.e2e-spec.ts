import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { EventOutbox, type OutboxEventEntity, PiiCipher } from '@onedoor/platform';
import { EmailChannel } from '@onedoor/notifications';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A real SMTP receiver on 127.0.0.1, speaking just enough SMTP (no TLS, no auth) for
 * nodemailer to hand over a message.
 */
async function startSmtp(): Promise<{ server: Server; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let current: Mail = { from: '', to: [], data: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 localhost test SMTP');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          mails.push(current);
          current = { from: '', to: [], data: '' };
          inData = false;
          reply('250 OK queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-localhost\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 localhost');
        else if (verb === 'MAIL') {
          current.from = line;
          reply('250 OK');
        } else if (verb === 'RCPT') {
          current.to.push(/<([^>]*)>/.exec(line)![1]!);
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go on');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 OK');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, mails };
}

/** The decoded Subject header (RFC 2047 encoded words, folded lines). */
function subjectOf(data: string): string {
  const unfolded = data.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const raw = /^Subject: (.*)$/im.exec(unfolded)![1]!;
  return raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The decoded body (quoted-printable or base64, as nodemailer chose). */
function bodyOf(data: string): string {
  const [head, ...rest] = data.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) {
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    return Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

describe('E-mail (e2e)', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  // Filled before the matcher starts: withMatcher reads it in its beforeAll.
  const env: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    env.MAIL_FROM = 'OneDoor <noreply@onedoor.test>';
  });
  withMatcher(env);
  beforeAll(async () => {
    ctx = await startApi(env);
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise((r) => smtp?.server.close(r));
  });

  async function userWithEmail(role: 'provider' | 'civil_affairs', email: string) {
    const { district } = await ctx.newDistrict();
    const providerId = role === 'provider' ? (await ctx.newProvider(district)).id : null;
    const user = await ctx.newUser(role, district, providerId);
    const enc = ctx.app.get(PiiCipher, { strict: false }).encrypt(email);
    await ctx.dataSource.query(`UPDATE app_user SET email_enc = $2 WHERE id = $1`, [user.id, enc]);
    return user;
  }

  it('mails an event to a recipient who wants e-mail, with a Chinese subject', async () => {
    const email = `org-${randomUUID().slice(0, 8)}@example.org`;
    const user = await userWithEmail('provider', email);
    const entityId = randomUUID();
    await ctx.dataSource.transaction((m) =>
      ctx.app.get(EventOutbox, { strict: false }).emit(m, {
        type: 'referral.created',
        entityType: 'referral',
        entityId,
        areaPath: null,
        audience: [{ userIds: [user.id] }],
        data: { resourceName: '助餐服务' },
      }),
    );
    const event = await ctx.dataSource
      .getRepository<OutboxEventEntity>('outbox_event')
      .findOneByOrFail({ entityId });
    const channel = ctx.app.get(EmailChannel, { strict: false });
    const nobody = await userWithEmail('provider', `no-${randomUUID().slice(0, 8)}@example.org`);
    await channel.deliver(event, [
      { userId: user.id, channels: new Set(['email', 'inbox']) },
      // Preferences said inbox only: no mail.
      { userId: nobody.id, channels: new Set(['inbox']) },
    ]);
    await channel.deliver(event, [{ userId: user.id, channels: new Set(['email']) }]); // once

    const mail = await eventually(
      async () => smtp.mails.find((m) => m.to.includes(email)),
      20_000,
      'the mail',
    );
    expect(subjectOf(mail.data)).toBe('[OneDoor] 新的转介');
    expect(bodyOf(mail.data)).toContain('助餐服务');
    expect(mail.from).toContain('noreply@onedoor.test');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(smtp.mails.some((m) => m.to.some((t) => t.startsWith('no-')))).toBe(false);
  });

  it('mails the set-password token when a manager resets a password', async () => {
    const email = `reset-${randomUUID().slice(0, 8)}@example.org`;
    const user = await userWithEmail('civil_affairs', email);
    const admin = await ctx.tokenFor('admin');
    const res = await ctx.http
      .post(`/api/users/${user.id}/reset-password`)
      .set('Authorization', admin)
      .send({})
      .expect(200);
    const token = res.body.setPasswordToken as string;
    const mail = await eventually(
      async () => smtp.mails.find((m) => m.to.includes(email)),
      20_000,
      'the set-password mail',
    );
    expect(subjectOf(mail.data)).toBe('OneDoor 设置密码');
    expect(bodyOf(mail.data)).toContain(token);
    // The token works (the mail carried the real one).
    await ctx.http
      .post('/api/auth/set-password')
      .send({ token, password: 'A-new-Passw0rd!long' })
      .expect((r) => expect([200, 204]).toContain(r.status));
  });
});
