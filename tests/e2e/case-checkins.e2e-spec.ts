import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CheckInsService, MovesService } from '@onedoor/casework';
import { jobIds, QUEUES } from '@onedoor/platform';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

type NeedView = {
  needId: string;
  categoryCode: string;
  status: string;
  proposals: Array<{ id: string; resourceId: string }>;
};

/** A check-in where nothing changed: each test says what did. */
const calm = {
  mode: 'phone',
  incomeChange: 'unchanged',
  newSeriousIllness: false,
  newDisability: false,
  hospitalStay: false,
  memberChanges: [],
  lostHousing: false,
  housingDamage: false,
  rentArrears: false,
  newDifficulties: [],
  conclusion: '家庭情况稳定，下月再回访',
};

describe('Case check-ins (e2e)', () => {
  withMatcher();
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessor: string;
  let staff: string;
  let provider: string;

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    assessor = await ctx.tokenFor('assessor', d.streetA);
    staff = await ctx.tokenFor('civil_affairs', d.district);
    provider = (await ctx.newProviderWithUser(d.district)).token;
  });
  afterAll(() => ctx.close());

  /** A household assessed with nothing wrong, and its case. */
  const assessedCase = async () => {
    const { household } = await ctx.assessedHousehold(assessor, d.communityA);
    const c = await ctx.http
      .get(`/api/households/${household.id}/case`)
      .set('Authorization', assessor)
      .expect(200);
    return { householdId: household.id as string, caseId: c.body.id as string };
  };

  const checkIn = (caseId: string, body: object, token = assessor) =>
    ctx.http.post(`/api/cases/${caseId}/check-ins`).set('Authorization', token).send(body);

  it('a check-in that reports a lost job opens an employment need that the matcher proposes for', async () => {
    const resource = await ctx.publishedResource(provider, staff, d.communityA, {
      categoryCode: 'employment',
      title: '就业推荐（回访测试）',
    });
    const { householdId, caseId } = await assessedCase();

    const res = await checkIn(caseId, {
      ...calm,
      incomeChange: 'lost_job',
      difficultyNote: '工厂倒闭，户主失业',
      conclusion: '建议尽快对接就业帮扶',
    }).expect(201);
    expect(res.body).toMatchObject({
      caseId,
      householdId,
      openedNeeds: ['employment'],
      reassessmentRequired: true,
      reassessmentReasons: ['income_changed'],
      difficultyNote: '工厂倒闭，户主失业',
    });

    const employment = await eventually(
      async () => {
        const needs = (
          await ctx.http
            .get(`/api/households/${householdId}/matches`)
            .set('Authorization', assessor)
            .expect(200)
        ).body as NeedView[];
        return needs.find(
          (n) =>
            n.categoryCode === 'employment' &&
            n.proposals.some((p) => p.resourceId === resource.id),
        );
      },
      20_000,
      'a proposal for the employment need',
    );
    expect(employment.status).toBe('matched');
    const [need] = await ctx.dataSource.query(`SELECT source FROM need WHERE id = $1`, [
      employment.needId,
    ]);
    expect(need.source).toBe(`check_in:${res.body.id}`);
    const [row] = await ctx.dataSource.query(
      `SELECT conclusion_enc, difficulty_note_enc, match_enqueued_at FROM case_check_in WHERE id = $1`,
      [res.body.id],
    );
    // Free text is stored encrypted; the job was queued and recorded as such.
    expect(row.conclusion_enc).not.toContain('就业');
    expect(row.difficulty_note_enc).not.toContain('失业');
    expect(row.match_enqueued_at).not.toBeNull();

    const list = await ctx.http
      .get(`/api/cases/${caseId}/check-ins`)
      .set('Authorization', staff)
      .expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: res.body.id, conclusion: '建议尽快对接就业帮扶' }),
    ]);
    const [audit] = await ctx.dataSource.query(
      `SELECT data FROM audit_log WHERE entity_type = 'case_check_in' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.data).toMatchObject({ householdId, caseId, openedNeeds: 1 });
    expect(JSON.stringify(audit.data)).not.toContain('就业');
  });

  it('a change in members makes a reassessment due now', async () => {
    const { householdId, caseId } = await assessedCase();
    const before = await ctx.http
      .get(`/api/households/${householdId}`)
      .set('Authorization', assessor)
      .expect(200);
    expect(new Date(before.body.nextRevisitAt).getTime()).toBeGreaterThan(Date.now());

    const res = await checkIn(caseId, { ...calm, mode: 'visit', memberChanges: ['birth'] }).expect(
      201,
    );
    expect(res.body).toMatchObject({
      openedNeeds: [],
      reassessmentRequired: true,
      reassessmentReasons: ['members_changed'],
    });
    const after = await ctx.http
      .get(`/api/households/${householdId}`)
      .set('Authorization', assessor)
      .expect(200);
    expect(new Date(after.body.nextRevisitAt).getTime()).toBeLessThanOrEqual(Date.now());

    // Nothing changed: nothing follows.
    const quiet = await checkIn(caseId, calm).expect(201);
    expect(quiet.body).toMatchObject({ openedNeeds: [], reassessmentRequired: false });
  });

  it('answers 400 with field errors', async () => {
    const { caseId } = await assessedCase();
    const bad = await checkIn(caseId, {
      ...calm,
      incomeChange: 'bored',
      memberChanges: ['wedding'],
      conclusion: '',
    }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['incomeChange', 'conclusion']),
    );
    const unknown = await checkIn(caseId, { ...calm, newDifficulties: ['moon_travel'] }).expect(
      400,
    );
    expect(unknown.body.details).toEqual([
      expect.objectContaining({ field: 'newDifficulties[0]', constraint: 'unknownCategory' }),
    ]);
  });

  it('answers 403 to a provider', async () => {
    const { caseId } = await assessedCase();
    await checkIn(caseId, calm, provider).expect(403);
    await ctx.http.get(`/api/cases/${caseId}/check-ins`).set('Authorization', provider).expect(403);
  });

  it('queues the matching that a Redis outage missed (the maintenance sweep)', async () => {
    const { householdId, caseId } = await assessedCase();
    const res = await checkIn(caseId, { ...calm, lostHousing: true }).expect(201);
    expect(res.body.openedNeeds).toEqual(['housing']);
    // As if Redis had been down: the job is gone and the column empty.
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.matching));
    const jobId = jobIds.matchHouseholdAfterCheckIn(householdId, res.body.id);
    await (await queue.getJob(jobId))?.remove().catch(() => undefined);
    await ctx.dataSource.query(`UPDATE case_check_in SET match_enqueued_at = NULL WHERE id = $1`, [
      res.body.id,
    ]);
    await ctx.dataSource.query(`UPDATE household_move SET match_enqueued_at = now()`);

    expect(await ctx.app.get(CheckInsService).enqueuePendingMatches()).toBeGreaterThanOrEqual(1);
    const [row] = await ctx.dataSource.query(
      `SELECT match_enqueued_at FROM case_check_in WHERE id = $1`,
      [res.body.id],
    );
    expect(row.match_enqueued_at).not.toBeNull();
    expect(await ctx.app.get(CheckInsService).enqueuePendingMatches()).toBe(0);
    expect(await ctx.app.get(MovesService).enqueuePendingMatches()).toBe(0);
  });

  it('opens no need twice, none without a completed assessment, and none on a closed case', async () => {
    const { caseId } = await assessedCase();
    const first = await checkIn(caseId, { ...calm, newSeriousIllness: true }).expect(201);
    expect(first.body.openedNeeds).toEqual(['medical']);
    // The medical need is still open: a second report adds none, a ticked code twice counts once.
    const again = await checkIn(caseId, {
      ...calm,
      hospitalStay: true,
      newDifficulties: ['legal_aid', 'legal_aid'],
    }).expect(201);
    expect(again.body.openedNeeds).toEqual(['legal_aid']);
    expect(again.body.newDifficulties).toEqual(['legal_aid']);

    // Registered but never assessed: nothing to match on, so a reassessment is asked for.
    const h = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .send(ctx.householdBody(d.communityA))
      .expect(201);
    const fresh = await ctx.http
      .get(`/api/households/${h.body.id}/case`)
      .set('Authorization', assessor)
      .expect(200);
    const unassessed = await checkIn(fresh.body.id, { ...calm, lostHousing: true }).expect(201);
    expect(unassessed.body).toMatchObject({
      openedNeeds: [],
      reassessmentRequired: true,
      reassessmentReasons: ['no_assessment'],
    });

    await ctx.http
      .post(`/api/cases/${fresh.body.id}/close`)
      .set('Authorization', assessor)
      .send({ reason: 'refused', version: fresh.body.version })
      .expect(200);
    const closed = await checkIn(fresh.body.id, calm).expect(409);
    expect(closed.body.code).toBe('CHECK_IN_CASE_CLOSED');
  });
});
