import { randomInt, randomUUID } from 'node:crypto';
import { phoneDigest } from '@onedoor/households';
import { PiiCipher } from '@onedoor/platform';
import { newIdNumber, startApi, type TestContext } from './support/test-app';

const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Leads over HTTP: the reporter role (created by staff through the users API, reaching nothing
 * but its leads), the public form (throttled, a honeypot, nothing readable without login), the
 * triage by the community's staff in scope, and the leads report.
 */
describe('Leads (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const tokens: Record<string, string> = {};
  let knownId: string;
  const headId = newIdNumber('1966-06-06');
  const headPhone = `139${String(randomInt(1e8)).padStart(8, '0')}`;

  const as = (who: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', tokens[who]),
    post: (url: string, body: object = {}) =>
      ctx.http.post(url).set('Authorization', tokens[who]).send(body),
  });
  const lead = (over: Record<string, unknown> = {}) => ({
    subjectName: '赵六',
    communityId: d.communityA.id,
    situation: '突发车祸，户主住院，家中老人无人照料',
    ...over,
  });
  const publicReport = (body: Record<string, unknown>, address = newAddress()) =>
    ctx.http.post('/api/public/leads').set('X-Forwarded-For', address).send(body);

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    tokens.staffA = await ctx.tokenFor('civil_affairs', d.streetA);
    tokens.staffB = await ctx.tokenFor('civil_affairs', d.streetB);
    tokens.assessorA = await ctx.tokenFor('assessor', d.communityA);
    tokens.reporter = await ctx.tokenFor('reporter', d.communityA);
    tokens.reporter2 = await ctx.tokenFor('reporter', d.communityA);
    knownId = (
      await ctx.factory.household({
        community: d.communityA,
        phoneHmac: phoneDigest(ctx.app.get(PiiCipher), headPhone),
        members: [{ idNumber: headId, name: '钱七' }],
      })
    ).id;
  });
  afterAll(() => ctx.close());

  describe('the reporter role', () => {
    it('is created by civil-affairs staff inside their subtree through the users API, not outside it nor by an assessor', async () => {
      const body = (areaId: string) => ({
        username: `reporter.${randomUUID().slice(0, 8)}`,
        displayName: '网格员小周',
        role: 'reporter',
        areaId,
      });
      const created = await as('staffA').post('/api/users', body(d.communityA.id)).expect(201);
      expect(created.body.role).toBe('reporter');
      await as('staffB').post('/api/users', body(d.communityA.id)).expect(403);
      await as('assessorA').post('/api/users', body(d.communityA.id)).expect(403);
      // A reporter acts in a place: no area is refused.
      const noArea = await as('staffA').post('/api/users', {
        ...body(d.communityA.id),
        areaId: undefined,
      });
      expect(noArea.status).toBe(400);
      const labels = (await ctx.http.get('/api/dictionaries').expect(200)).body.groups.role;
      expect(labels.reporter['zh-CN']).toBe('信息员');
    });

    it('reaches nothing but its leads, its account and its inbox: every other GET of the API answers 403', async () => {
      const doc = (await ctx.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
      };
      const allowed = [
        /^\/api\/auth\//,
        /^\/api\/notifications/,
        /^\/api\/leads\/mine$/,
        /^\/api\/leads\/\{id\}$/,
      ];
      const checked: string[] = [];
      const leaks: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        const get = ops.get;
        if (!get || (get.security && get.security.length === 0)) continue; // public
        if (allowed.some((a) => a.test(path))) continue;
        const url = path.replace(/\{[^}]+\}/g, randomUUID());
        const res = await as('reporter').get(url);
        checked.push(path);
        if (res.status !== 403) leaks.push(`${path}: ${res.status}`);
      }
      expect(leaks).toEqual([]);
      expect(checked).toEqual(
        expect.arrayContaining([
          '/api/households',
          '/api/referrals',
          '/api/reports/coverage',
          '/api/leads',
        ]),
      );
      // Writes too: a household, a referral decision, an account.
      await as('reporter').post('/api/households', {}).expect(403);
      await as('reporter').post('/api/users', {}).expect(403);
      // What a reporter has: its account and inbox.
      await as('reporter').get('/api/auth/me').expect(200);
      await as('reporter').get('/api/notifications/unread-count').expect(200);
    });

    it('reports with its own name and role as the source, sees its own leads only (the family’s name masked), and gets 404 for any lead by id', async () => {
      const mine = await as('reporter')
        .post('/api/leads', lead({ subjectName: '孙八' }))
        .expect(201);
      expect(mine.body).toMatchObject({ status: 'reported', subjectNameMasked: '孙*' });
      expect(mine.body).not.toHaveProperty('subjectName');
      const theirs = await as('reporter2').post('/api/leads', lead()).expect(201);
      const list = await as('reporter').get('/api/leads/mine').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(mine.body.id);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(theirs.body.id);
      for (const item of list.body.items)
        expect(Object.keys(item).sort()).toEqual(
          ['communityName', 'id', 'reference', 'reportedAt', 'status', 'subjectNameMasked'].sort(),
        );
      for (const id of [mine.body.id, theirs.body.id, randomUUID()]) {
        const res = await as('reporter').get(`/api/leads/${id}`).expect(404);
        expect(res.body.code).toBe('LEAD_NOT_FOUND');
      }
      await as('reporter').post(`/api/leads/${theirs.body.id}/close`, { reason: 'x' }).expect(403);
      const stored = await ctx.dataSource.query(
        `SELECT source, reporter_name FROM lead WHERE id = $1`,
        [mine.body.id],
      );
      expect(stored[0].source).toBe('reporter');
      expect(stored[0].reporter_name).toMatch(/^reporter\./);
    });
  });

  describe('the public form', () => {
    it('takes a report without login and answers a reference number only', async () => {
      const res = await publicReport(
        lead({ reporterName: '热心邻居', reporterRelation: '邻居', idNumber: headId }),
      );
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['reference']);
      expect(res.body.reference).toMatch(/^XS\d{8}-[A-Z2-9]{6}$/);
      const [row] = await ctx.dataSource.query(
        `SELECT source, candidate_count FROM lead WHERE reference = $1`,
        [res.body.reference],
      );
      expect(row).toEqual({ source: 'public', candidate_count: 1 });
    });

    it('answers a filled honeypot exactly like a success and stores nothing', async () => {
      const name = `机器人${randomUUID().slice(0, 6)}`;
      const res = await publicReport(
        lead({ subjectName: name, reporterName: '某人', website: 'http://spam.example' }),
      );
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['reference']);
      expect(res.body.reference).toMatch(/^XS\d{8}-[A-Z2-9]{6}$/);
      const rows = await ctx.dataSource.query(
        `SELECT 1 FROM lead WHERE subject_name = $1 OR reference = $2`,
        [name, res.body.reference],
      );
      expect(rows).toEqual([]);
      const events = await ctx.dataSource.query(
        `SELECT 1 FROM outbox_event WHERE type = 'lead.reported' AND data->>'reference' = $1`,
        [res.body.reference],
      );
      expect(events).toEqual([]);
    });

    it('is throttled per client address: the 6th within an hour is 429 with Retry-After, another address goes through', async () => {
      const address = newAddress();
      for (let i = 0; i < 5; i++)
        await publicReport(lead({ reporterName: '路人' }), address).expect(201);
      const refused = await publicReport(lead({ reporterName: '路人' }), address);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      await publicReport(lead({ reporterName: '路人' })).expect(201);
    });

    it('refuses bad input in the one error body: a wrong check digit, a street instead of a community, missing fields', async () => {
      const badCheck = headId.slice(0, 17) + (headId[17] === '0' ? '1' : '0');
      const wrong = await publicReport(lead({ reporterName: '某人', idNumber: badCheck })).expect(
        400,
      );
      expect(wrong.body.details).toEqual([
        expect.objectContaining({
          field: 'idNumber',
          constraint: 'isIdNumber',
          params: { problem: 'check_digit' },
        }),
      ]);
      const street = await publicReport(
        lead({ reporterName: '某人', communityId: d.streetA.id }),
      ).expect(400);
      expect(street.body.details).toEqual([
        expect.objectContaining({ field: 'communityId', constraint: 'leadCommunity' }),
      ]);
      const missing = await publicReport({ communityId: d.communityA.id }).expect(400);
      expect(missing.body.details.map((x: { field: string }) => x.field)).toEqual(
        expect.arrayContaining(['subjectName', 'situation', 'reporterName']),
      );
    });

    it('reads nothing back without login', async () => {
      const { body } = await publicReport(lead({ reporterName: '某人' })).expect(201);
      const [{ id }] = await ctx.dataSource.query(`SELECT id FROM lead WHERE reference = $1`, [
        body.reference,
      ]);
      for (const url of [
        '/api/leads',
        `/api/leads/${id}`,
        '/api/leads/mine',
        '/api/reports/leads?from=2026-01-01&to=2026-12-31',
      ])
        await ctx.http.get(url).expect(401);
      await ctx.http.get(`/api/public/leads/${id}`).expect(404);
      await ctx.http.get('/api/public/leads').expect(404);
    });
  });

  describe('triage', () => {
    it('lists the lead for the community’s staff with its candidates, links it, and the reporter sees the outcome', async () => {
      const reported = await as('reporter')
        .post('/api/leads', lead({ phone: headPhone }))
        .expect(201);
      const queue = await as('assessorA').get('/api/leads?limit=100').expect(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(reported.body.id);
      const away = await as('staffB').get('/api/leads?limit=100').expect(200);
      expect(away.body.items.map((i: { id: string }) => i.id)).not.toContain(reported.body.id);
      await as('staffB').get(`/api/leads/${reported.body.id}`).expect(404);

      const page = await as('staffA').get(`/api/leads/${reported.body.id}`).expect(200);
      expect(page.body).toMatchObject({
        situation: '突发车祸，户主住院，家中老人无人照料',
        phoneMasked: `${headPhone.slice(0, 3)}****${headPhone.slice(-4)}`,
        candidates: [{ householdId: knownId, headNameMasked: '钱*', matchedBy: ['phone'] }],
      });
      expect(JSON.stringify(page.body)).not.toContain(headPhone);

      await as('staffA').post(`/api/leads/${reported.body.id}/close`, {}).expect(400);
      await as('staffB')
        .post(`/api/leads/${reported.body.id}/link`, { householdId: knownId })
        .expect(404);
      const linked = await as('staffA')
        .post(`/api/leads/${reported.body.id}/link`, { householdId: knownId })
        .expect(200);
      expect(linked.body).toMatchObject({ status: 'linked', householdId: knownId });
      const again = await as('staffA')
        .post(`/api/leads/${reported.body.id}/triage`, {})
        .expect(409);
      expect(again.body.code).toBe('LEAD_STATE_INVALID');

      const mine = await as('reporter').get('/api/leads/mine?limit=100').expect(200);
      expect(mine.body.items.find((i: { id: string }) => i.id === reported.body.id).status).toBe(
        'linked',
      );
    });

    it('triages and closes with a reason', async () => {
      const reported = await as('reporter').post('/api/leads', lead()).expect(201);
      const triaged = await as('assessorA').post(`/api/leads/${reported.body.id}/triage`, {
        note: '已核实',
      });
      expect(triaged.status).toBe(200);
      expect(triaged.body.status).toBe('triaged');
      const closed = await as('staffA')
        .post(`/api/leads/${reported.body.id}/close`, { reason: '经核实无需救助' })
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: '经核实无需救助' });
    });
  });

  describe('how to reach them', () => {
    it('answers the numbers decrypted to staff in scope and records who looked, without the numbers', async () => {
      const idNumber = newIdNumber('1980-03-03');
      const phone = `137${String(randomInt(1e8)).padStart(8, '0')}`;
      const reporterPhone = `135${String(randomInt(1e8)).padStart(8, '0')}`;
      const reported = await as('reporter')
        .post(
          '/api/leads',
          lead({ idNumber, phone: `${phone.slice(0, 3)} ${phone.slice(3)}`, reporterPhone }),
        )
        .expect(201);
      const id = reported.body.id as string;
      const contact = await ctx.http
        .post(`/api/leads/${id}/contact`)
        .set('Authorization', tokens.assessorA)
        .set('X-OneDoor-Page', `/leads/${id}`)
        .expect(200);
      expect(contact.body).toEqual({ phone, reporterPhone, idNumber });
      await as('staffA').post(`/api/leads/${id}/contact`).expect(200);

      const rows = await ctx.dataSource.query(
        `SELECT a.action, a.actor_id, a.actor_role, a.area_path, a.data, a.reason, a.to_state
           FROM audit_log a WHERE a.entity_type = 'lead' AND a.entity_id = $1 AND a.action = 'contact_read'
          ORDER BY a.id`,
        [id],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        actor_role: 'assessor',
        area_path: d.communityA.path,
        data: { page: `/leads/${id}` },
        to_state: null,
      });
      expect(rows[1]).toMatchObject({ actor_role: 'civil_affairs', data: { page: 'api' } });
      const text = JSON.stringify(rows);
      for (const secret of [phone, phone.slice(-4), reporterPhone, idNumber])
        expect(text).not.toContain(secret);
      // Supervisors see who looked through the audit API (their area's rows only).
      const history = await as('staffA')
        .get(`/api/audit?entityType=lead&entityId=${id}&limit=100`)
        .expect(200);
      expect(
        history.body.items
          .filter((e: { action: string }) => e.action === 'contact_read')
          .map((e: { actorRole: string }) => e.actorRole),
      ).toEqual(['assessor', 'civil_affairs']);
      const away = await as('staffB')
        .get(`/api/audit?entityType=lead&entityId=${id}&limit=100`)
        .expect(200);
      expect(away.body.items).toEqual([]);
      // A read changes nothing on the lead.
      const after = await as('staffA').get(`/api/leads/${id}`).expect(200);
      expect(after.body.status).toBe('reported');
    });

    it('answers null for what was not given', async () => {
      const reported = await as('reporter').post('/api/leads', lead()).expect(201);
      const contact = await as('staffA').post(`/api/leads/${reported.body.id}/contact`).expect(200);
      expect(contact.body).toEqual({ phone: null, reporterPhone: null, idNumber: null });
    });

    it('is 404 for staff of another street, a reporter (even its own lead) and a missing lead, 400 for a bad id, 401 without login; none of them is recorded', async () => {
      const phone = `136${String(randomInt(1e8)).padStart(8, '0')}`;
      const reported = await as('reporter').post('/api/leads', lead({ phone })).expect(201);
      const id = reported.body.id as string;
      for (const who of ['staffB', 'reporter', 'reporter2']) {
        const res = await as(who).post(`/api/leads/${id}/contact`).expect(404);
        expect(res.body.code).toBe('LEAD_NOT_FOUND');
        expect(JSON.stringify(res.body)).not.toContain(phone);
      }
      const missing = await as('staffA').post(`/api/leads/${randomUUID()}/contact`).expect(404);
      expect(missing.body.code).toBe('LEAD_NOT_FOUND');
      const bad = await as('staffA').post('/api/leads/not-an-id/contact').expect(400);
      expect(bad.body).toHaveProperty('code');
      await ctx.http.post(`/api/leads/${id}/contact`).expect(401);
      const [{ n }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'contact_read'`,
        [id],
      );
      expect(n).toBe(0);
    });
  });

  it('reports leads per source for staff in scope: reported, triaged in time, linked, closed', async () => {
    const t = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', t.streetA);
    const reporter = await ctx.tokenFor('reporter', t.communityA);
    const household = await ctx.factory.household({ community: t.communityA });
    const post = (token: string, url: string, body: object) =>
      ctx.http.post(url).set('Authorization', token).send(body);
    const body = lead({ communityId: t.communityA.id });
    const a = (await post(reporter, '/api/leads', body).expect(201)).body.id;
    const b = (await post(reporter, '/api/leads', body).expect(201)).body.id;
    await post(staff, '/api/leads', body).expect(201);
    await publicReport({ ...body, reporterName: '邻居' }).expect(201);
    await post(staff, `/api/leads/${a}/link`, { householdId: household.id }).expect(200);
    await post(staff, `/api/leads/${b}/close`, { reason: '重复线索' }).expect(200);

    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await ctx.http
      .get(`/api/reports/leads?from=${day}&to=${day}`)
      .set('Authorization', staff)
      .expect(200);
    const bySource = Object.fromEntries(
      res.body.rows.map((r: { source: string }) => [r.source, r]),
    );
    expect(bySource.reporter).toMatchObject({
      reported: 2,
      triagedInTime: 2,
      linkedOrRegistered: 1,
      assisted: 0,
      closed: 1,
    });
    expect(bySource.staff).toMatchObject({ reported: 1, triagedInTime: 0 });
    expect(bySource.public).toMatchObject({ reported: 1 });
    expect(res.body.total).toMatchObject({ reported: 4, linkedOrRegistered: 1, closed: 1 });
    await ctx.http
      .get(`/api/reports/leads?from=${day}&to=${day}`)
      .set('Authorization', reporter)
      .expect(403);
    await ctx.http
      .get(`/api/reports/leads?from=${day}&to=2020-01-01`)
      .set('Authorization', staff)
      .expect(400);
  });
});
