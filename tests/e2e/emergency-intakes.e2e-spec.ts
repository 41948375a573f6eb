import { reliefFund } from '../factories/relief-grant';
import { eventually, withMatcher } from './support/matcher-process';
import { newIdNumber, startApi, type TestContext } from './support/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('火灾证明 '.repeat(40))]);

/**
 * The emergency intake over HTTP: an assessor registers a family in sudden difficulty without
 * the full assessment; a second intake of a registered identity updates that household; the
 * follow-up list shows what is owed; other areas see nothing (404 as for an unknown id).
 */
describe('Emergency intakes (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const tokens: Record<string, string> = {};
  let fundId: string;

  const as = (who: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', tokens[who]),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', tokens[who]).send(body),
  });

  const form = (over: Record<string, unknown> = {}) => ({
    communityId: d.communityA.id,
    residency: 'local',
    phone: '13900003333',
    members: [{ name: '陈秀珍', relation: 'self', idNumber: newIdNumber('1965-04-04', 'female') }],
    situation: '丈夫突发重病住院，家中无收入来源',
    needs: [{ categoryCode: 'medical', note: '住院押金' }, { categoryCode: 'basic_living' }],
    amountRequestedFen: 200_000,
    fundId,
    ...over,
  });

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    tokens.assessor = await ctx.tokenFor('assessor', d.communityA);
    tokens.staffA = await ctx.tokenFor('civil_affairs', d.streetA);
    tokens.staffB = await ctx.tokenFor('civil_affairs', d.streetB);
    const p = await ctx.newProviderWithUser(d.streetA);
    tokens.provider = p.token;
    fundId = await reliefFund((q, params) => ctx.dataSource.query(q, params), {
      area: d.district,
      balanceFen: 1_000_000,
    });
  });
  afterAll(() => ctx.close());

  it('registers a family, shows it in full by id and shortened in the list, with its follow-up', async () => {
    const created = await as('assessor').post('/api/emergency-intakes', form()).expect(201);
    expect(created.body).toMatchObject({
      registeredHousehold: true,
      headName: '陈秀珍',
      amountRequestedFen: 200_000,
      situation: '丈夫突发重病住院，家中无收入来源',
      followUp: { status: 'due' },
    });
    expect(created.body.needs).toHaveLength(2);
    const id = created.body.id as string;
    // The amount asked for is a grant request waiting for an officer's decision.
    const grant = await as('staffA')
      .get(`/api/emergency-grants/${created.body.grantId}`)
      .expect(200);
    expect(grant.body).toMatchObject({
      status: 'requested',
      amountFen: 200_000,
      householdId: created.body.householdId,
    });

    const list = await as('staffA').get('/api/emergency-intakes?limit=100').expect(200);
    const item = list.body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ situationPreview: '丈夫突发重病住院，家中无…' });
    expect(item.situation).toBeUndefined();

    const household = await as('assessor')
      .get(`/api/households/${created.body.householdId}`)
      .expect(200);
    expect(household.body.tags).toContain('emergency');

    const followUps = await as('assessor').get('/api/relief-follow-ups?limit=100').expect(200);
    expect(followUps.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ intakeId: id, status: 'due', headName: '陈秀珍' }),
      ]),
    );

    const file = await ctx.http
      .post(`/api/emergency-intakes/${id}/files`)
      .set('Authorization', tokens.assessor)
      .attach('file', PDF, { filename: '火灾证明.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(file.body).toMatchObject({
      originalName: '火灾证明.pdf',
      contentType: 'application/pdf',
    });
    const detail = await as('staffA').get(`/api/emergency-intakes/${id}`).expect(200);
    expect(detail.body.files).toEqual([expect.objectContaining({ id: file.body.id })]);
  });

  it('updates the household of a registered identity instead of registering it twice', async () => {
    const headId = newIdNumber('1958-08-08');
    const existing = await ctx.factory.household({
      community: d.communityA,
      members: [{ idNumber: headId }],
    });
    const res = await as('staffA')
      .post(
        '/api/emergency-intakes',
        form({ members: [{ name: '成员1', relation: 'self', idNumber: headId }] }),
      )
      .expect(201);
    expect(res.body).toMatchObject({ householdId: existing.id, registeredHousehold: false });
  });

  it('refuses bad input with the one error body, per field, in Chinese', async () => {
    const refused = async (body: object) => {
      const res = await as('assessor').post('/api/emergency-intakes', body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      return res.body.details as Array<{ field: string; constraint: string; message: string }>;
    };
    expect(await refused(form({ needs: [] }))).toEqual([
      expect.objectContaining({ field: 'needs', constraint: 'arrayMinSize' }),
    ]);
    expect(await refused(form({ amountRequestedFen: -5 }))).toEqual([
      expect.objectContaining({ field: 'amountRequestedFen', constraint: 'min' }),
    ]);
    expect(await refused(form({ situation: undefined }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'situation' })]),
    );
    expect(await refused({ situation: '失火', needs: [{ categoryCode: 'basic_living' }] })).toEqual(
      [
        expect.objectContaining({
          field: 'communityId',
          constraint: 'intakeFamily',
          message: '请选择已登记的家庭，或填写新家庭的社区、户籍和家庭成员',
        }),
      ],
    );
    expect(
      await refused(form({ members: [{ name: '甲', relation: 'self', idNumber: '123' }] })),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'members[0].idNumber' })]));
    const unknown = await as('assessor')
      .post('/api/emergency-intakes', form({ needs: [{ categoryCode: 'no_such' }] }))
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'CATEGORY_NOT_FOUND' });
  });

  it('answers 404 alike for another area’s intake and an unknown one; other roles are refused', async () => {
    const created = await as('assessor').post('/api/emergency-intakes', form()).expect(201);
    const foreign = await as('staffB').get(`/api/emergency-intakes/${created.body.id}`).expect(404);
    const missing = await as('staffB')
      .get('/api/emergency-intakes/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body).toMatchObject({ code: 'RELIEF_INTAKE_NOT_FOUND' });
    const otherHousehold = await as('staffB')
      .post('/api/emergency-intakes', {
        householdId: created.body.householdId,
        situation: '失火',
        needs: [{ categoryCode: 'basic_living' }],
      })
      .expect(404);
    expect(otherHousehold.body).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
    const list = await as('staffB').get('/api/emergency-intakes?limit=100').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    const followUps = await as('staffB').get('/api/relief-follow-ups?limit=100').expect(200);
    expect(followUps.body.items.map((i: { intakeId: string }) => i.intakeId)).not.toContain(
      created.body.id,
    );
    await as('provider').post('/api/emergency-intakes', form()).expect(403);
    await as('provider').get('/api/relief-follow-ups').expect(403);
    await as('assessor').get('/api/relief-follow-ups?status=later').expect(400);
  });
});

/**
 * With the real matcher: an intake's household, which has no full assessment, is matched on
 * its provisional facts, so a resource for the emergency tier is proposed to it.
 */
describe('Emergency intakes are matched (e2e)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('proposes an emergency-tier resource to the family before any full assessment', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const resource = await ctx.publishedResource(providerToken, staff, tree.communityA, {
      categoryCode: 'basic_living',
      eligibility: { tier: { in: ['emergency'] } },
    });
    const intake = (
      await ctx.http
        .post('/api/emergency-intakes')
        .set('Authorization', assessor)
        .send({
          communityId: tree.communityA.id,
          residency: 'local',
          members: [{ name: '周大海', relation: 'self', idNumber: newIdNumber('1970-07-07') }],
          situation: '洪水冲毁房屋',
          needs: [{ categoryCode: 'basic_living' }],
        })
        .expect(201)
    ).body as { householdId: string };
    const proposal = await eventually(
      async () => {
        const needs = (
          await ctx.http
            .get(`/api/households/${intake.householdId}/matches`)
            .set('Authorization', staff)
            .expect(200)
        ).body as Array<{ urgency: string; proposals: Array<{ resourceId: string }> }>;
        return needs.find((n) => n.proposals.some((p) => p.resourceId === resource.id));
      },
      20_000,
      'a proposal from the matcher',
    );
    expect(proposal.urgency).toBe('emergency');
  });
});
