import { startApi, type TestContext } from './support/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('家庭确认签字页 '.repeat(40))]);

interface Plan {
  id: string;
  version: number;
  status: string;
  revision: number;
  agreementMethod: string | null;
  agreedByName: string | null;
  agreementFile: { id: string; name: string; contentType: string } | null;
  goals: Array<{
    id: string;
    category: string;
    title: string;
    targetDate: string | null;
    status: string;
    actions: Array<{ id: string; kind: string; description: string; status: string }>;
  }>;
}

describe('Case plans (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let adviser: string;
  let supervisor: string;
  let provider: string;
  let outsider: string;

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    adviser = await ctx.tokenFor('assessor', d.streetA);
    supervisor = await ctx.tokenFor('civil_affairs', d.streetA);
    outsider = await ctx.tokenFor('assessor', d.streetB);
    provider = (await ctx.newProviderWithUser(d.streetA)).token;
  });
  afterAll(() => ctx.close());

  const openCase = async () => {
    const household = await ctx.http
      .post('/api/households')
      .set('Authorization', adviser)
      .send(ctx.householdBody(d.communityA))
      .expect(201);
    const c = await ctx.http
      .get(`/api/households/${household.body.id}/case`)
      .set('Authorization', adviser)
      .expect(200);
    return c.body.id as string;
  };

  const goal = {
    category: 'employment',
    title: '找到稳定工作',
    targetDate: '2027-06-30',
    status: 'in_progress',
    actions: [
      { kind: 'family_step', description: '参加社区招聘会', status: 'todo' },
      {
        kind: 'adviser_service',
        description: '推荐职业培训',
        dueDate: '2027-01-15',
        status: 'todo',
      },
    ],
  };

  it('generates, edits, lists versions and reads an earlier one', async () => {
    const caseId = await openCase();
    await ctx.http.get(`/api/cases/${caseId}/plan`).set('Authorization', adviser).expect(404);
    const generated = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    // No completed assessment yet: an empty draft the adviser fills in.
    expect(generated.body).toMatchObject({ version: 1, status: 'draft', goals: [] });
    const again = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', adviser)
      .expect(409);
    expect(again.body.code).toBe('CASE_PLAN_EXISTS');

    const saved = await ctx.http
      .put(`/api/cases/${caseId}/plan`)
      .set('Authorization', supervisor)
      .send({ revision: generated.body.revision, goals: [goal] })
      .expect(200);
    const plan = saved.body as Plan;
    expect(plan.goals).toEqual([
      expect.objectContaining({
        title: '找到稳定工作',
        targetDate: '2027-06-30',
        actions: [
          expect.objectContaining({ kind: 'family_step', status: 'todo' }),
          expect.objectContaining({ kind: 'adviser_service', status: 'todo' }),
        ],
      }),
    ]);
    const stale = await ctx.http
      .put(`/api/cases/${caseId}/plan`)
      .set('Authorization', adviser)
      .send({ revision: generated.body.revision, goals: [] })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    await ctx.http
      .post(`/api/cases/${caseId}/plan/agree`)
      .set('Authorization', adviser)
      .send({ revision: plan.revision, agreedByName: '户主', method: 'attestation' })
      .expect(200);
    const agreed = (
      await ctx.http.get(`/api/cases/${caseId}/plan`).set('Authorization', adviser).expect(200)
    ).body as Plan;
    const v2 = await ctx.http
      .put(`/api/cases/${caseId}/plan`)
      .set('Authorization', adviser)
      .send({ revision: agreed.revision, goals: [{ ...goal, status: 'achieved' }] })
      .expect(200);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft' });
    const versions = await ctx.http
      .get(`/api/cases/${caseId}/plans`)
      .set('Authorization', adviser)
      .expect(200);
    expect(versions.body.items.map((v: Plan) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
    const v1 = await ctx.http
      .get(`/api/cases/${caseId}/plan?version=1`)
      .set('Authorization', adviser)
      .expect(200);
    expect(v1.body.goals[0].status).toBe('in_progress');
  });

  it('is 403 for a provider and 404 for an assessor of another area', async () => {
    const caseId = await openCase();
    const refused = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', provider)
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await ctx.http.get(`/api/cases/${caseId}/plans`).set('Authorization', provider).expect(403);
    await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', outsider)
      .expect(404);
  });

  it('answers 400 with one detail per field', async () => {
    const caseId = await openCase();
    const generated = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    const bad = await ctx.http
      .put(`/api/cases/${caseId}/plan`)
      .set('Authorization', adviser)
      .send({
        revision: generated.body.revision,
        goals: [
          {
            ...goal,
            targetDate: '2027-02-30',
            status: 'finished',
            actions: [{ kind: 'phone_call', description: '', status: 'todo' }],
          },
        ],
      })
      .expect(400);
    const fields = (bad.body.details as Array<{ field: string; constraint: string }>).map(
      (e) => `${e.field}:${e.constraint}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'goals[0].targetDate:isDateString',
        'goals[0].status:isIn',
        'goals[0].actions[0].kind:isIn',
        'goals[0].actions[0].description:isNotEmpty',
      ]),
    );
    const unknown = await ctx.http
      .put(`/api/cases/${caseId}/plan`)
      .set('Authorization', adviser)
      .send({ revision: generated.body.revision, goals: [{ ...goal, category: 'nope' }] })
      .expect(400);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({ field: 'goals[0].category', constraint: 'unknownCategory' }),
    ]);
    const noFile = await ctx.http
      .post(`/api/cases/${caseId}/plan/agree`)
      .set('Authorization', adviser)
      .send({ revision: generated.body.revision, agreedByName: '户主', method: 'signed_file' })
      .expect(400);
    expect(noFile.body.details).toEqual([expect.objectContaining({ field: 'fileId' })]);
  });

  it('answers 400 for a date that is not a whole day and a version out of range', async () => {
    const caseId = await openCase();
    const generated = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    for (const day of ['2026', '2026-05', '2026-W01']) {
      const bad = await ctx.http
        .put(`/api/cases/${caseId}/plan`)
        .set('Authorization', adviser)
        .send({
          revision: generated.body.revision,
          goals: [
            {
              ...goal,
              targetDate: day,
              actions: [{ kind: 'family_step', description: '办', dueDate: day, status: 'todo' }],
            },
          ],
        })
        .expect(400);
      expect((bad.body.details as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'goals[0].actions[0].dueDate',
        'goals[0].targetDate',
      ]);
    }
    const version = await ctx.http
      .get(`/api/cases/${caseId}/plan?version=99999999999`)
      .set('Authorization', adviser)
      .expect(400);
    expect(version.body.details).toEqual([expect.objectContaining({ field: 'version' })]);
  });

  it("refuses another case's signed page, to agree with and to download", async () => {
    const caseA = await openCase();
    const caseB = await openCase();
    await ctx.http
      .post(`/api/cases/${caseA}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    const planB = await ctx.http
      .post(`/api/cases/${caseB}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    const pageOfA = await ctx.http
      .post(`/api/cases/${caseA}/plan/files`)
      .set('Authorization', adviser)
      .attach('file', PDF, { filename: 'A的确认书.pdf', contentType: 'application/pdf' })
      .expect(201);
    const refused = await ctx.http
      .post(`/api/cases/${caseB}/plan/agree`)
      .set('Authorization', adviser)
      .send({
        revision: planB.body.revision,
        agreedByName: '户主',
        method: 'signed_file',
        fileId: pageOfA.body.id,
      })
      .expect(422);
    expect(refused.body.code).toBe('CASE_PLAN_FILE_INVALID');
    await ctx.http
      .get(`/api/cases/${caseB}/plan/files/${pageOfA.body.id}`)
      .set('Authorization', supervisor)
      .expect(404);
  });

  it('records the agreement with a signed file, which the case’s readers download', async () => {
    const caseId = await openCase();
    const generated = await ctx.http
      .post(`/api/cases/${caseId}/plan/generate`)
      .set('Authorization', adviser)
      .expect(201);
    const notPdf = await ctx.http
      .post(`/api/cases/${caseId}/plan/files`)
      .set('Authorization', adviser)
      .attach('file', Buffer.from('MZ\x90\x00 not a pdf'), {
        filename: '签字页.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(notPdf.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const uploaded = await ctx.http
      .post(`/api/cases/${caseId}/plan/files`)
      .set('Authorization', adviser)
      .attach('file', PDF, { filename: '计划确认书.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(uploaded.body).toMatchObject({ name: '计划确认书.pdf', contentType: 'application/pdf' });

    // Another adviser's upload is not this agreement.
    const otherUpload = await ctx.http
      .post(`/api/cases/${caseId}/plan/files`)
      .set('Authorization', supervisor)
      .attach('file', PDF, { filename: '别人的.pdf', contentType: 'application/pdf' })
      .expect(201);
    const foreign = await ctx.http
      .post(`/api/cases/${caseId}/plan/agree`)
      .set('Authorization', adviser)
      .send({
        revision: generated.body.revision,
        agreedByName: '户主',
        method: 'signed_file',
        fileId: otherUpload.body.id,
      })
      .expect(422);
    expect(foreign.body.code).toBe('CASE_PLAN_FILE_INVALID');

    const agreed = await ctx.http
      .post(`/api/cases/${caseId}/plan/agree`)
      .set('Authorization', adviser)
      .send({
        revision: generated.body.revision,
        agreedByName: '户主',
        method: 'signed_file',
        fileId: uploaded.body.id,
      })
      .expect(200);
    expect(agreed.body).toMatchObject({
      status: 'agreed',
      agreementMethod: 'signed_file',
      agreedByName: '户主',
      attestedBy: null,
      agreementFile: { id: uploaded.body.id, name: '计划确认书.pdf' },
    });
    const twice = await ctx.http
      .post(`/api/cases/${caseId}/plan/agree`)
      .set('Authorization', adviser)
      .send({ revision: agreed.body.revision, agreedByName: '户主', method: 'attestation' })
      .expect(409);
    expect(twice.body.code).toBe('CASE_PLAN_STATE_CONFLICT');

    const file = await ctx.http
      .get(`/api/cases/${caseId}/plan/files/${uploaded.body.id}`)
      .set('Authorization', supervisor)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    await ctx.http
      .get(`/api/cases/${caseId}/plan/files/${otherUpload.body.id}`)
      .set('Authorization', supervisor)
      .expect(404);
  });
});
