import { randomUUID } from 'node:crypto';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, type TestContext } from './support/test-app';

type NeedView = {
  needId: string;
  categoryCode: string;
  proposals: Array<{ id: string; resourceId: string; status?: string }>;
};

const lostJob = {
  mode: 'phone',
  incomeChange: 'lost_job',
  newSeriousIllness: true,
  newDisability: false,
  hospitalStay: false,
  memberChanges: [],
  lostHousing: false,
  housingDamage: false,
  rentArrears: false,
  newDifficulties: [],
  conclusion: '失业并新患重病',
};

describe('Household moves (e2e)', () => {
  withMatcher();
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessorA: string;
  let staff: string;
  let adviserB: { id: string; token: string };
  let provider: { id: string; token: string };

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    assessorA = await ctx.tokenFor('assessor', d.streetA);
    staff = await ctx.tokenFor('civil_affairs', d.district);
    const b = await ctx.newUser('assessor', d.streetB);
    adviserB = { id: b.id, token: `Bearer ${await ctx.login(b.username)}` };
    const p = await ctx.newProviderWithUser(d.district);
    provider = { id: p.provider.id, token: p.token };
  });
  afterAll(() => ctx.close());

  const matchesOf = async (householdId: string, token = assessorA) =>
    (
      await ctx.http
        .get(`/api/households/${householdId}/matches`)
        .set('Authorization', token)
        .expect(200)
    ).body as NeedView[];

  /** A household of community A whose check-in opened employment and medical needs. */
  const householdWithNeeds = async () => {
    const { household, assessment } = await ctx.assessedHousehold(assessorA, d.communityA);
    const c = await ctx.http
      .get(`/api/households/${household.id}/case`)
      .set('Authorization', assessorA)
      .expect(200);
    await ctx.http
      .post(`/api/cases/${c.body.id}/check-ins`)
      .set('Authorization', assessorA)
      .send(lostJob)
      .expect(201);
    return {
      householdId: household.id as string,
      assessmentId: assessment.id as string,
      caseId: c.body.id as string,
    };
  };

  const proposalFor = (householdId: string, category: string, resourceId: string) =>
    eventually(
      async () =>
        (await matchesOf(householdId, staff))
          .find((n) => n.categoryCode === category)
          ?.proposals.find((p) => p.resourceId === resourceId),
      20_000,
      `a ${category} proposal for ${resourceId}`,
    );

  it('a relocation keeps history and re-matches', async () => {
    const jobsA = await ctx.publishedResource(provider.token, staff, d.communityA, {
      categoryCode: 'employment',
      title: '社区A就业岗位',
    });
    const jobsB = await ctx.publishedResource(provider.token, staff, d.communityB, {
      categoryCode: 'employment',
      title: '社区B就业岗位',
    });
    const clinic = await ctx.publishedResource(provider.token, staff, d.communityA, {
      categoryCode: 'medical',
      title: '社区A医疗服务',
    });
    const { householdId, assessmentId, caseId } = await householdWithNeeds();
    const oldJobs = await proposalFor(householdId, 'employment', jobsA.id);
    const care = await proposalFor(householdId, 'medical', clinic.id);
    const referral = (
      await ctx.http.post(`/api/matches/${care.id}/approve`).set('Authorization', staff).expect(201)
    ).body as { id: string };

    // The move dialog offers the new community's assessors.
    const candidates = await ctx.http
      .get(`/api/households/${householdId}/move-advisers?communityId=${d.communityB.id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(candidates.body.map((c: { id: string }) => c.id)).toContain(adviserB.id);

    const moved = await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', staff)
      .send({
        communityId: d.communityB.id,
        address: '新址 1 号',
        adviserId: adviserB.id,
        reason: '租住房屋到期，搬至B社区',
      })
      .expect(201);
    expect(moved.body).toMatchObject({
      householdId,
      fromCommunityId: d.communityA.id,
      toCommunityId: d.communityB.id,
      caseId,
      toAdviserId: adviserB.id,
      withdrawnProposals: 1,
    });

    // The proposal of the resource that covers community A only is withdrawn…
    const old = await ctx.http
      .get(`/api/matches/${oldJobs.id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(old.body.status).toBe('superseded');
    // …and the matcher proposes the new community's resource.
    await proposalFor(householdId, 'employment', jobsB.id);

    // History stays: the assessment, the referral (kept; its provider told), the move row.
    const assessments = await ctx.http
      .get(`/api/households/${householdId}/assessments`)
      .set('Authorization', adviserB.token)
      .expect(200);
    expect(assessments.body.map((a: { id: string }) => a.id)).toContain(assessmentId);
    const kept = await ctx.http
      .get(`/api/referrals/${referral.id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(kept.body.status).toBe('open');
    // The live referral moved with the family: the new community's adviser follows it up.
    const listed = await ctx.http
      .get(`/api/referrals?householdId=${householdId}`)
      .set('Authorization', adviserB.token)
      .expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(referral.id);
    const [row] = await ctx.dataSource.query(`SELECT area_path FROM referral WHERE id = $1`, [
      referral.id,
    ]);
    expect(row.area_path).toBe(d.communityB.path);
    const moves = await ctx.http
      .get(`/api/households/${householdId}/moves`)
      .set('Authorization', adviserB.token)
      .expect(200);
    expect(moves.body).toEqual([
      expect.objectContaining({ id: moved.body.id, reason: '租住房屋到期，搬至B社区' }),
    ]);

    // The case is the new adviser's; the household is in community B.
    const c = await ctx.http
      .get(`/api/cases/${caseId}`)
      .set('Authorization', adviserB.token)
      .expect(200);
    expect(c.body.adviserId).toBe(adviserB.id);
    const h = await ctx.http
      .get(`/api/households/${householdId}`)
      .set('Authorization', adviserB.token)
      .expect(200);
    expect(h.body).toMatchObject({ address: '新址 1 号' });
    await ctx.http
      .get(`/api/households/${householdId}`)
      .set('Authorization', assessorA)
      .expect(404);

    const notice = await eventually(
      async () =>
        (
          (await ctx.http.get('/api/notifications?limit=100').set('Authorization', provider.token))
            .body.items as Array<{ type: string; entityId: string }>
        ).find((n) => n.type === 'household.moved' && n.entityId === referral.id),
      15_000,
      "the provider's notice of the move",
    );
    expect(notice).toBeTruthy();
    const [audit] = await ctx.dataSource.query(
      `SELECT data FROM audit_log WHERE entity_type = 'household' AND action = 'move' AND entity_id = $1`,
      [householdId],
    );
    expect(audit.data).toMatchObject({ householdId, caseId, withdrawnProposals: 1 });
  });

  it('without an adviser the case waits unassigned and the new community hears of it', async () => {
    const newcomerDesk = await ctx.newUser('assessor', d.communityB);
    const deskToken = `Bearer ${await ctx.login(newcomerDesk.username)}`;
    const { householdId, caseId } = await householdWithNeeds();
    await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', staff)
      .send({ communityId: d.communityB.id, reason: '投靠亲属' })
      .expect(201);
    const c = await ctx.http.get(`/api/cases/${caseId}`).set('Authorization', staff).expect(200);
    expect(c.body.adviserId).toBeNull();
    await eventually(
      async () =>
        (
          (await ctx.http.get('/api/notifications?limit=100').set('Authorization', deskToken)).body
            .items as Array<{ type: string; entityId: string }>
        ).find((n) => n.type === 'household.moved' && n.entityId === householdId),
      15_000,
      "the new community's notice",
    );
  });

  it('refuses a move out of the mover’s area (403), to the same community (422), and a provider (403)', async () => {
    const { householdId } = await householdWithNeeds();
    await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', assessorA)
      .send({ communityId: d.communityB.id, reason: '搬家' })
      .expect(403);
    const same = await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', staff)
      .send({ communityId: d.communityA.id, reason: '搬家' })
      .expect(422);
    expect(same.body.code).toBe('MOVE_SAME_COMMUNITY');
    const badAdviser = await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', staff)
      .send({
        communityId: d.communityB.id,
        adviserId: randomUUID(),
        reason: '搬家',
      })
      .expect((r) => expect([422]).toContain(r.status));
    expect(badAdviser.body.code).toBe('CASE_ADVISER_INVALID');
    await ctx.http
      .post(`/api/households/${householdId}/move`)
      .set('Authorization', provider.token)
      .send({ communityId: d.communityB.id, reason: '搬家' })
      .expect(403);
  });
});
