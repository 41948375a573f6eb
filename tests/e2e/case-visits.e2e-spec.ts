import { VisitScheduleService } from '@onedoor/casework';
import { startApi, type TestContext } from './support/test-app';

interface Visit {
  id: string;
  kind: string;
  status: string;
  note: string | null;
  noteHidden: boolean;
  version: number;
}

const DAY = 24 * 3600_000;

describe('Case visits and notes (e2e)', () => {
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

  const as = (name: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', users[name].token),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', users[name].token).send(body),
    patch: (url: string, body: object) =>
      ctx.http.patch(url).set('Authorization', users[name].token).send(body),
  });

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    await newUser('adviser', 'assessor', d.communityA);
    await newUser('successor', 'assessor', d.communityA);
    await newUser('neighbour', 'assessor', d.communityA);
    await newUser('supervisor', 'civil_affairs', d.streetA);
    await newUser('otherStreet', 'civil_affairs', d.streetB);
    const { provider, token } = await ctx.newProviderWithUser(d.streetA);
    users.provider = { id: provider.id, token };
  });
  afterAll(() => ctx.close());

  /** A household registered by the adviser: its case opens assigned to them. */
  const openCase = async () => {
    const household = await as('adviser')
      .post('/api/households', ctx.householdBody(d.communityA))
      .expect(201);
    return (await as('adviser').get(`/api/households/${household.body.id}/case`).expect(200))
      .body as { id: string; householdId: string; version: number };
  };

  const dueIds = async (name: string) =>
    (
      (await as(name).get('/api/visits/due?assignedTo=me&limit=100').expect(200)).body
        .items as Array<{
        id: string;
      }>
    ).map((v) => v.id);

  it('records a visit, shows its note to the adviser and supervisor only, and lists who read it', async () => {
    const opened = await openCase();
    const note = '入户走访：屋顶漏雨，需联系维修';
    const created = await as('adviser')
      .post(`/api/cases/${opened.id}/visits`, {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        note,
      })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'done', note, noteHidden: false });

    const byAdviser = await as('adviser').get(`/api/cases/${opened.id}/visits`).expect(200);
    expect(byAdviser.body[0]).toMatchObject({ id: created.body.id, note });
    const bySupervisor = await as('supervisor').get(`/api/cases/${opened.id}/visits`).expect(200);
    expect(bySupervisor.body[0]).toMatchObject({ note });
    const byNeighbour = await as('neighbour').get(`/api/cases/${opened.id}/visits`).expect(200);
    expect(byNeighbour.body[0]).toMatchObject({
      id: created.body.id,
      kind: 'home_visit',
      note: null,
      noteHidden: true,
    });
    await as('provider').get(`/api/cases/${opened.id}/visits`).expect(403);
    await as('otherStreet').get(`/api/cases/${opened.id}/visits`).expect(404);

    const reads = await as('supervisor').get(`/api/cases/${opened.id}/note-reads`).expect(200);
    expect(reads.body.total).toBe(3);
    expect(reads.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ readerId: users.supervisor.id, purpose: 'list' }),
        expect.objectContaining({ readerId: users.adviser.id, purpose: 'record' }),
      ]),
    );
    // Supervisors only.
    await as('adviser').get(`/api/cases/${opened.id}/note-reads`).expect(403);

    // The case timeline lists the recording, labelled, and no note.
    const timeline = await as('supervisor')
      .get(`/api/cases/${opened.id}/timeline?limit=100`)
      .expect(200);
    expect(timeline.body.items.map((e: { event: string }) => e.event)).toContain(
      'case_visit.record',
    );
    expect(JSON.stringify(timeline.body)).not.toContain('屋顶漏雨');
  });

  it('answers bad input with field errors in Chinese', async () => {
    const opened = await openCase();
    const bad = await as('adviser')
      .post(`/api/cases/${opened.id}/visits`, { kind: 'letter', occurredAt: 'yesterday' })
      .expect(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'kind', constraint: 'isIn' }),
        expect.objectContaining({ field: 'occurredAt', constraint: 'isDateString' }),
        expect.objectContaining({ field: 'note' }),
      ]),
    );
    for (const detail of bad.body.details as Array<{ message: string }>)
      expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    const future = await as('adviser')
      .post(`/api/cases/${opened.id}/visits`, {
        kind: 'phone_call',
        occurredAt: new Date(Date.now() + 2 * DAY).toISOString(),
        note: '电话',
      })
      .expect(422);
    expect(future.body).toMatchObject({
      code: 'CASE_VISIT_IN_FUTURE',
      message: '走访时间不能晚于当前时间',
    });
    await as('neighbour')
      .post(`/api/cases/${opened.id}/visits`, {
        kind: 'phone_call',
        occurredAt: new Date().toISOString(),
        note: '电话',
      })
      .expect(403)
      .expect((res) => expect(res.body.code).toBe('CASE_VISIT_NOTE_FORBIDDEN'));
    await as('adviser').get('/api/visits/due?until=soon').expect(400);
    // A week date passes isISO8601 but is no time to store.
    await as('adviser')
      .post(`/api/cases/${opened.id}/visits`, { kind: 'other', occurredAt: '2026-W01', note: 'x' })
      .expect(400);
  });

  it('lets the author correct a note (audited), with the version read', async () => {
    const opened = await openCase();
    const created = (
      await as('adviser')
        .post(`/api/cases/${opened.id}/visits`, {
          kind: 'office_meeting',
          occurredAt: new Date().toISOString(),
          note: '来访：咨询低保',
        })
        .expect(201)
    ).body as Visit;
    const url = `/api/cases/${opened.id}/visits/${created.id}`;
    await as('supervisor').patch(url, { note: '改', version: created.version }).expect(403);
    const fixed = await as('adviser')
      .patch(url, { note: '来访：咨询低保续办', version: created.version })
      .expect(200);
    expect(fixed.body).toMatchObject({ note: '来访：咨询低保续办', version: created.version + 1 });
    await as('adviser').patch(url, { note: '再改', version: created.version }).expect(409);
    await as('adviser')
      .patch(`/api/cases/${opened.id}/visits/${opened.id}`, {
        note: 'x',
        version: 1,
      })
      .expect(404);
  });

  it('hand-over moves caseload and due visits', async () => {
    const opened = await openCase();
    await ctx.dataSource.query(`UPDATE household SET next_revisit_at = $2 WHERE id = $1`, [
      opened.householdId,
      new Date(Date.now() + 2 * DAY),
    ]);
    await ctx.app.get(VisitScheduleService, { strict: false }).sweep();
    const [due] = await ctx.dataSource.query(
      `SELECT id FROM case_visit WHERE case_id = $1 AND status = 'due'`,
      [opened.id],
    );
    expect(await dueIds('adviser')).toContain(due.id);
    const tomorrow = encodeURIComponent(new Date(Date.now() + DAY).toISOString());
    const dueTomorrow = await as('adviser')
      .get(`/api/visits/due?assignedTo=me&until=${tomorrow}&limit=100`)
      .expect(200);
    expect(dueTomorrow.body.items.map((v: { id: string }) => v.id)).not.toContain(due.id);
    const listed = await as('adviser').get(`/api/cases/${opened.id}/visits`).expect(200);
    expect(listed.body[0]).toMatchObject({
      id: due.id,
      status: 'due',
      note: null,
      noteHidden: false,
    });

    await as('supervisor')
      .post(`/api/cases/${opened.id}/handover`, {
        adviserId: users.successor.id,
        reason: '原顾问调岗',
        version: opened.version,
      })
      .expect(200);
    expect(await dueIds('successor')).toContain(due.id);
    expect(await dueIds('adviser')).not.toContain(due.id);
    const caseload = await as('successor').get('/api/cases?assignedTo=me&limit=100').expect(200);
    expect(caseload.body.items.map((c: { id: string }) => c.id)).toContain(opened.id);

    // The successor's phone call completes it.
    const made = await as('successor')
      .post(`/api/cases/${opened.id}/visits`, {
        kind: 'phone_call',
        occurredAt: new Date().toISOString(),
        note: '电话回访',
      })
      .expect(201);
    expect(made.body).toMatchObject({ id: due.id, status: 'done' });
    expect(await dueIds('successor')).not.toContain(due.id);
  });
});
