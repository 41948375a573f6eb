import { randomUUID } from 'node:crypto';
import { signedContract, socialWorkOrgWithAdmin } from './support/contracts';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

interface Notice {
  entityId: string;
  type: string;
  title: string;
  body: string;
}

const TEXT = '请于下周前上门核实该户子女就学情况并补充材料';
const ANSWER = '已于周三上门，子女已复学，材料已补充';

describe('Case supervision (e2e)', () => {
  withMatcher();
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const users: Record<string, { id: string; token: string }> = {};

  const newUser = async (
    name: string,
    role: Parameters<TestContext['newUser']>[0],
    area: Parameters<TestContext['newUser']>[1],
  ) => {
    const u = await ctx.newUser(role, area);
    users[name] = { id: u.id, token: `Bearer ${await ctx.login(u.username)}` };
  };

  const as = (token: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', token),
    post: (url: string, body: object) => ctx.http.post(url).set('Authorization', token).send(body),
  });
  const by = (name: string) => as(users[name].token);

  const noticeOf = (name: string, type: string, caseId: string) =>
    eventually(
      async () =>
        ((await by(name).get('/api/notifications?limit=100')).body.items as Notice[]).find(
          (n) => n.entityId === caseId && n.type === type,
        ),
      15_000,
      `${name}'s ${type} notice`,
    );

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    await newUser('adviser', 'assessor', d.streetA);
    await newUser('colleague', 'assessor', d.streetA);
    await newUser('supervisor', 'civil_affairs', d.streetA);
    await newUser('otherStreet', 'civil_affairs', d.streetB);
  });
  afterAll(() => ctx.close());

  /** A household registered by `token`: its case, assigned to them when an assessor. */
  const caseOf = async (token: string) => {
    const h = await as(token).post('/api/households', ctx.householdBody(d.communityA)).expect(201);
    return (await as(token).get(`/api/households/${h.body.id}/case`).expect(200)).body as {
      id: string;
      householdId: string;
    };
  };

  it('a required action reaches the adviser’s open list, is answered and resolved, notified both ways', async () => {
    const c = await caseOf(users.adviser.token);
    const posted = await by('supervisor')
      .post(`/api/cases/${c.id}/supervision`, {
        kind: 'required_action',
        text: TEXT,
        dueDate: '2026-12-20',
      })
      .expect(201);
    expect(posted.body).toMatchObject({
      kind: 'required_action',
      text: TEXT,
      dueDate: '2026-12-20',
      status: 'open',
      authorId: users.supervisor.id,
      householdId: c.householdId,
    });

    // The adviser's open required actions list it; a colleague's does not.
    const open = await by('adviser').get('/api/supervision/open?assignedTo=me').expect(200);
    expect(open.body.items.map((i: { id: string }) => i.id)).toContain(posted.body.id);
    const mine = open.body.items.find((i: { id: string }) => i.id === posted.body.id);
    expect(mine).toMatchObject({ caseId: c.id, text: TEXT, communityName: d.communityA.name });
    const theirs = await by('colleague').get('/api/supervision/open').expect(200);
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(posted.body.id);
    const actionNotice = await noticeOf('adviser', 'supervision.action_required', c.id);
    expect(actionNotice.title).toBe('督导提出整改要求');
    expect(actionNotice.body).not.toContain(TEXT);

    const thread = await by('adviser').get(`/api/cases/${c.id}/supervision`).expect(200);
    expect(thread.body).toMatchObject({ maySupervise: false, mayAnswer: true });
    const answered = await by('adviser')
      .post(`/api/cases/${c.id}/supervision/${posted.body.id}/answer`, {
        version: posted.body.version,
        text: ANSWER,
      })
      .expect(200);
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: ANSWER,
      answeredBy: users.adviser.id,
    });
    const after = await by('adviser').get('/api/supervision/open').expect(200);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(posted.body.id);
    const answerNotice = await noticeOf('supervisor', 'supervision.answered', c.id);
    expect(answerNotice.title).toBe('督导意见已回复');

    const resolved = await by('supervisor')
      .post(`/api/cases/${c.id}/supervision/${posted.body.id}/resolve`, {
        version: answered.body.version,
      })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: users.supervisor.id });
    const again = await by('supervisor')
      .post(`/api/cases/${c.id}/supervision/${posted.body.id}/resolve`, {
        version: resolved.body.version,
      })
      .expect(409);
    expect(again.body.code).toBe('SUPERVISION_STATE_CONFLICT');

    // The texts are not in clear in the database, nor in the audit trail, which carries the ids.
    const [row] = await ctx.dataSource.query(
      `SELECT text_enc, answer_enc FROM case_supervision WHERE id = $1`,
      [posted.body.id],
    );
    expect(row.text_enc).not.toContain(TEXT);
    expect(row.answer_enc).not.toContain(ANSWER);
    const audit = await ctx.dataSource.query(
      `SELECT action, data::text AS data, area_path FROM audit_log
        WHERE entity_type = 'case_supervision' AND entity_id = $1 ORDER BY id`,
      [posted.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'answer', 'resolve']);
    for (const a of audit) {
      expect(JSON.parse(a.data)).toMatchObject({ householdId: c.householdId, caseId: c.id });
      expect(a.data).not.toContain(TEXT.slice(0, 6));
      expect(a.data).not.toContain(ANSWER.slice(0, 6));
      expect(a.area_path).toBe(d.communityA.path);
    }
  });

  it('keeps supervision to supervisors in scope and answers to the adviser', async () => {
    const c = await caseOf(users.adviser.token);
    const url = `/api/cases/${c.id}/supervision`;
    // Staff of another street find no case; an assessor may not supervise.
    await by('otherStreet').get(url).expect(404);
    const foreign = await by('otherStreet')
      .post(url, { kind: 'comment', text: '意见' })
      .expect(404);
    expect(foreign.body.code).toBe('CASE_NOT_FOUND');
    const assessor = await by('colleague').post(url, { kind: 'comment', text: '意见' }).expect(403);
    expect(assessor.body.code).toBe('FORBIDDEN');
    // A required action needs its due date.
    await by('supervisor').post(url, { kind: 'required_action', text: '整改' }).expect(400);

    const comment = await by('supervisor').post(url, { kind: 'comment', text: '走访记录较完整' });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ kind: 'comment', dueDate: null, status: 'open' });
    // Only the case's adviser answers, at the version they read.
    const notAdviser = await by('colleague')
      .post(`${url}/${comment.body.id}/answer`, { version: 1, text: '收到' })
      .expect(403);
    expect(notAdviser.body.code).toBe('SUPERVISION_NOT_ADVISER');
    const stale = await by('adviser')
      .post(`${url}/${comment.body.id}/answer`, { version: 9, text: '收到' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const missing = await by('adviser')
      .post(`${url}/${randomUUID()}/answer`, { version: 1, text: '收到' })
      .expect(404);
    expect(missing.body.code).toBe('SUPERVISION_NOT_FOUND');
    const thread = await by('supervisor').get(url).expect(200);
    expect(thread.body).toMatchObject({
      maySupervise: true,
      mayAnswer: false,
      items: [{ id: comment.body.id, authorName: expect.any(String) }],
    });
  });

  it("lets a contracted worker's organization admin supervise their cases, and no one else's", async () => {
    const org = await socialWorkOrgWithAdmin(ctx, d.district);
    const contract = await signedContract(ctx, org.provider, d.streetA);
    const created = await as(org.adminToken)
      .post('/api/users', {
        username: `worker.${randomUUID().slice(0, 8)}`,
        displayName: '签约社工',
        role: 'assessor',
        areaId: d.communityA.id,
        contractId: contract.id,
      })
      .expect(201);
    const password = 'a long contracted-worker passphrase 42';
    await ctx.http
      .post('/api/auth/set-password')
      .send({ token: created.body.setPasswordToken, password })
      .expect(204);
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: created.body.username, password })
      .expect(200);
    const worker = `Bearer ${login.body.accessToken}`;
    const c = await caseOf(worker);

    const posted = await as(org.adminToken)
      .post(`/api/cases/${c.id}/supervision`, {
        kind: 'required_action',
        text: TEXT,
        dueDate: '2026-12-31',
      })
      .expect(201);
    const open = await as(worker).get('/api/supervision/open').expect(200);
    expect(open.body.items.map((i: { id: string }) => i.id)).toContain(posted.body.id);
    await as(worker)
      .post(`/api/cases/${c.id}/supervision/${posted.body.id}/answer`, { version: 1, text: ANSWER })
      .expect(200);
    await as(org.adminToken)
      .post(`/api/cases/${c.id}/supervision/${posted.body.id}/resolve`, { version: 2 })
      .expect(200);

    // Another organization's admin, and the admin on a case their workers do not advise: 404.
    const rival = await socialWorkOrgWithAdmin(ctx, d.district);
    await as(rival.adminToken).get(`/api/cases/${c.id}/supervision`).expect(404);
    const staffCase = await caseOf(users.adviser.token);
    await as(org.adminToken).get(`/api/cases/${staffCase.id}/supervision`).expect(404);
  });
});
