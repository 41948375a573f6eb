import { TIMELINE_EVENT_LABELS } from '@onedoor/casework';
import { startApi, type TestContext } from './support/test-app';

interface Entry {
  event: string;
  entityType: string;
  action: string;
  actorName: string | null;
  categoryCode: string | null;
  at: string;
}

/** The case page's timeline: the household's history from the audit log, in scope only. */
describe('Case timeline (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessor: string;
  let assessor2: { id: string };
  let otherStreet: string;
  let provider: string;

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    const a = await ctx.newUser('assessor', d.streetA);
    assessor = `Bearer ${await ctx.login(a.username)}`;
    assessor2 = await ctx.newUser('assessor', d.communityA);
    const b = await ctx.newUser('civil_affairs', d.streetB);
    otherStreet = `Bearer ${await ctx.login(b.username)}`;
    provider = (await ctx.newProviderWithUser(d.streetA)).token;
  });
  afterAll(() => ctx.close());

  const timeline = async (caseId: string, query = '') =>
    (
      await ctx.http
        .get(`/api/cases/${caseId}/timeline${query}`)
        .set('Authorization', assessor)
        .expect(200)
    ).body as { items: Entry[]; total: number };

  it('lists registration, assessment, needs and the case’s changes, newest first', async () => {
    const { household } = await ctx.assessedHousehold(assessor, d.communityA, {
      legal_dispute: true,
    });
    const kase = (
      await ctx.http
        .get(`/api/households/${household.id}/case`)
        .set('Authorization', assessor)
        .expect(200)
    ).body as { id: string; version: number };
    await ctx.http
      .post(`/api/cases/${kase.id}/handover`)
      .set('Authorization', assessor)
      .send({ adviserId: assessor2.id, reason: '就近服务', version: kase.version })
      .expect(200);

    const { items, total } = await timeline(kase.id, '?limit=100');
    const events = items.map((e) => e.event);
    expect(events[0]).toBe('case.handover');
    // Registration (household and case in one transaction), then the assessment: oldest last.
    expect(events.slice(-2).sort()).toEqual(['case.open', 'household.register']);
    expect(events).toEqual(
      expect.arrayContaining(['assessment.start', 'assessment.complete', 'case.handover']),
    );
    expect(total).toBe(items.length);
    // Each shown by its label: none falls back to the bare code.
    expect(events.filter((e) => !(e in TIMELINE_EVENT_LABELS))).toEqual([]);
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(items.find((e) => e.event === 'assessment.start')?.actorName).toEqual(
      expect.any(String),
    );

    // Paged: the second page of one continues the first.
    const second = await timeline(kase.id, '?limit=1&page=2');
    expect(second.items.map((e) => e.event)).toEqual([events[1]]);
  });

  it('includes any audit row naming the household in data.householdId', async () => {
    const { household } = await ctx.assessedHousehold(assessor, d.communityA);
    const kase = (
      await ctx.http
        .get(`/api/households/${household.id}/case`)
        .set('Authorization', assessor)
        .expect(200)
    ).body as { id: string };
    // As casework's parts write them (a plan, a visit…): found by the household they name.
    await ctx.dataSource.query(
      `INSERT INTO audit_log (entity_type, entity_id, action, data, area_path)
       VALUES ('case_visit', gen_random_uuid()::text, 'record', $1, $2)`,
      [{ householdId: household.id, caseId: kase.id }, d.communityA.path],
    );
    const { items } = await timeline(kase.id, '?limit=100');
    expect(items[0].event).toBe('case_visit.record');
  });

  it('is out of reach beyond the area (404) and to other roles (403)', async () => {
    const { household } = await ctx.assessedHousehold(assessor, d.communityA);
    const kase = (
      await ctx.http
        .get(`/api/households/${household.id}/case`)
        .set('Authorization', assessor)
        .expect(200)
    ).body as { id: string };
    await ctx.http
      .get(`/api/cases/${kase.id}/timeline`)
      .set('Authorization', otherStreet)
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('CASE_NOT_FOUND'));
    await ctx.http.get(`/api/cases/${kase.id}/timeline`).set('Authorization', provider).expect(403);
    await ctx.http
      .get(`/api/cases/${kase.id}/timeline?limit=0`)
      .set('Authorization', assessor)
      .expect(400);
  });
});
