import { newIdNumber, startApi, type TestContext } from './support/test-app';

interface HistoryItem {
  entryId: string | null;
  referralId: string | null;
  source: string;
  state: string;
  grantedBy: string;
  title: string;
  amountFen: number | null;
  startsOn: string;
}

/**
 * The ledger's entries over HTTP: a street's civil-affairs bureau (a government provider at
 * home in street A) records help it gave; a OneDoor referral's delivery enters the ledger; the
 * household's history shows both and a referral still pending.
 */
describe('Assistance entries (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const tokens: Record<string, string> = {};
  let bureau: { id: string; name: string };
  let householdId: string;
  let awayId: string;
  const headId = newIdNumber('1968-08-08');

  const as = (who: string) => ({
    get: (url: string) => ctx.http.get(url).set('Authorization', tokens[who]),
    post: (url: string, body: object) =>
      ctx.http.post(url).set('Authorization', tokens[who]).send(body),
  });

  const body = (over: Record<string, unknown> = {}) => ({
    householdId,
    categoryCode: 'emergency',
    title: '临时救助',
    form: 'cash',
    frequency: 'one_off',
    amountFen: 200_000,
    startsOn: '2026-10-03',
    ...over,
  });

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    const b = await ctx.newProviderWithUser(d.streetA, {
      kind: 'government',
      name: `和平区民政局 ${d.streetA.id.slice(0, 4)}`,
    });
    bureau = b.provider;
    tokens.bureau = b.token;
    tokens.staffA = await ctx.tokenFor('civil_affairs', d.streetA);
    tokens.staffB = await ctx.tokenFor('civil_affairs', d.streetB);
    tokens.assessor = await ctx.tokenFor('assessor', d.communityA);
    householdId = (
      await ctx.factory.household({
        community: d.communityA,
        tier: 'low_income',
        members: [{ idNumber: headId }],
      })
    ).id;
    awayId = (await ctx.factory.household({ community: d.communityB })).id;
  });
  afterAll(() => ctx.close());

  it('refuses bad input with the one error body, per field, in Chinese', async () => {
    const refused = async (over: Record<string, unknown>) => {
      const res = await as('bureau').post('/api/assistance-entries', body(over)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      return res.body.details as Array<{ field: string; constraint: string; message: string }>;
    };
    expect(await refused({ startsOn: '2026-02-30' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'startsOn', constraint: 'isDateString' }),
      ]),
    );
    expect(await refused({ amountFen: -1 })).toEqual([
      expect.objectContaining({ field: 'amountFen', constraint: 'min', message: '不能小于 0' }),
    ]);
    expect(await refused({ amountFen: 1.5 })).toEqual([
      expect.objectContaining({ field: 'amountFen', constraint: 'isInt' }),
    ]);
    expect(await refused({ categoryCode: 'no_such' })).toEqual([
      expect.objectContaining({
        field: 'categoryCode',
        constraint: 'unknownCategory',
        message: '该类别不存在',
      }),
    ]);
    expect(await refused({ needId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      expect.objectContaining({
        field: 'needId',
        constraint: 'unknownNeed',
        message: '该需求不属于这个家庭',
      }),
    ]);
    expect(await refused({ endsOn: '2026-10-05' })).toEqual([
      expect.objectContaining({
        field: 'endsOn',
        constraint: 'oneOffPeriod',
        message: '一次性救助的结束日期应与发放日期相同',
      }),
    ]);
    expect(await refused({ idNumber: '110101199001011234' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'idNumber', constraint: 'isIdNumber' }),
      ]),
    );
    expect(await refused({ householdId: undefined })).toEqual([
      expect.objectContaining({ field: 'householdId', constraint: 'householdOrIdNumber' }),
    ]);
    const monthly = await refused({
      frequency: 'monthly',
      startsOn: '2026-10-01',
      endsOn: '2026-09-01',
    });
    expect(monthly).toEqual([
      expect.objectContaining({ field: 'endsOn', constraint: 'notBefore' }),
    ]);
    await as('bureau').post('/api/assistance-entries/not-a-uuid/void', { reason: 'x' }).expect(400);
  });

  it('answers 404 outside scope or reach, the same as for what does not exist, and 403 to assessors recording', async () => {
    const notFound = (res: { body: Record<string, unknown> }, code: string) =>
      expect(res.body).toMatchObject({ statusCode: 404, code });
    notFound(
      await as('bureau')
        .post('/api/assistance-entries', body({ householdId: awayId }))
        .expect(404),
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    notFound(
      await as('staffB').get(`/api/households/${householdId}/assistance`).expect(404),
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    notFound(
      await as('staffA')
        .get('/api/households/00000000-0000-4000-8000-000000000000/assistance')
        .expect(404),
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    notFound(
      await as('bureau').get(`/api/households/${awayId}/assistance`).expect(404),
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    const nobody = await as('bureau')
      .post(
        '/api/assistance-entries',
        body({ householdId: undefined, idNumber: newIdNumber('1991-01-01') }),
      )
      .expect(404);
    expect(nobody.body).toMatchObject({
      code: 'ASSISTANCE_PERSON_NOT_FOUND',
      message: '您的服务范围内没有登记该身份证号的家庭',
    });
    const english = await ctx.http
      .post('/api/assistance-entries?lang=en')
      .set('Authorization', tokens.bureau)
      .send(body({ householdId: undefined, idNumber: newIdNumber('1991-01-01') }))
      .expect(404);
    expect(english.body.message).toBe('No household within your reach lists this identity number');
    const assessor = await as('assessor')
      .post('/api/assistance-entries', body({ grantedBy: '社区' }))
      .expect(403);
    expect(assessor.body.code).toBe('FORBIDDEN');
  });

  it('answers for a member of a household that has exited as for someone never registered', async () => {
    const leftId = newIdNumber('1952-02-02');
    await ctx.factory.household({
      community: d.communityA,
      status: 'exited',
      members: [{ idNumber: leftId }],
    });
    const send = (idNumber: string) =>
      as('bureau')
        .post('/api/assistance-entries', body({ householdId: undefined, idNumber }))
        .expect(404);
    const left = await send(leftId);
    const nobody = await send(newIdNumber('1992-02-02'));
    expect(left.body).toMatchObject({ code: 'ASSISTANCE_PERSON_NOT_FOUND' });
    expect(left.body).toEqual(nobody.body);
  });

  it('lists entries and referral deliveries in the household’s history, with pending referrals, and voids', async () => {
    // An outside benefit recorded by identity number.
    const recorded = await as('bureau')
      .post('/api/assistance-entries', body({ householdId: undefined, idNumber: headId }))
      .expect(201);
    expect(recorded.body).toMatchObject({
      householdId,
      source: 'entry',
      grantedBy: bureau.name,
      amountFen: 200_000,
      headName: null,
    });

    // Two OneDoor referrals of a charity: one delivered over HTTP, one still open.
    const charity = await ctx.newProviderWithUser(d.district);
    const resource = await ctx.factory.resource(charity.provider, d.district, {
      categoryCode: 'medical',
      form: 'cash',
      valuePerUnitFen: 80_000,
      reserved: 2,
    } as never);
    const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params);
    const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`, []);
    const [{ id: staffUser }] = await q(
      `SELECT id FROM app_user WHERE role = 'civil_affairs' LIMIT 1`,
      [],
    );
    const [{ id: assessment }] = await q(
      `INSERT INTO assessment (household_id, template_id, status, assessor_id) VALUES ($1, $2, 'draft', $3) RETURNING id`,
      [householdId, template, staffUser],
    );
    const referral = async (status: 'open' | 'accepted') => {
      const [{ id: needId }] = await q(
        `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status)
         VALUES ($1, $2, 'medical', 3, 'normal', 'assessment', 'matched') RETURNING id`,
        [householdId, assessment],
      );
      const [{ id: proposal }] = await q(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
         VALUES ($1, $2, $3, $4, 'approved', 0.9, 1, 'normal', 'medical', '{}') RETURNING id`,
        [needId, householdId, resource.id, assessment],
      );
      const [{ id }] = await q(
        `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency,
                               category_code, accept_due_at, deliver_due_at, accepted_at, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'normal', 'medical', now() + interval '3 days',
                 now() + interval '9 days', CASE WHEN $7::referral_status = 'accepted' THEN now() END, $8) RETURNING id`,
        [
          proposal,
          needId,
          householdId,
          resource.id,
          charity.provider.id,
          d.communityA.path,
          status,
          {
            decidedBy: { userId: staffUser, username: 'x', role: 'civil_affairs', areaId: null },
            household: {
              id: householdId,
              tier: 'low_income',
              areaPath: d.communityA.path,
              facts: {},
            },
            // A whole snapshot: the SLA sweep of a later spec in this database names the
            // resource in its reminders.
            resource: {
              id: resource.id,
              title: resource.title,
              providerId: charity.provider.id,
              form: 'cash',
              serviceLevel: 'community',
              eligibility: null,
              version: 1,
            },
          },
        ],
      );
      return id as string;
    };
    const delivered = await referral('accepted');
    const pending = await referral('open');
    await ctx.http
      .post(`/api/referrals/${delivered}/deliver`)
      .set('Authorization', charity.token)
      .send({ units: 1, amountFen: 60_000 })
      .expect(200);

    const history = (
      await as('staffA').get(`/api/households/${householdId}/assistance`).expect(200)
    ).body.items as HistoryItem[];
    expect(history).toHaveLength(3);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entryId: recorded.body.id,
          source: 'entry',
          state: 'active',
          grantedBy: bureau.name,
          title: '临时救助',
          amountFen: 200_000,
          startsOn: '2026-10-03',
        }),
        expect.objectContaining({
          referralId: delivered,
          entryId: expect.any(String),
          source: 'referral',
          state: 'active',
          grantedBy: charity.provider.name,
          title: resource.title,
          amountFen: 60_000,
        }),
        expect.objectContaining({
          referralId: pending,
          entryId: null,
          source: 'referral',
          state: 'pending',
          amountFen: 80_000,
        }),
      ]),
    );
    // Assessors in scope read it too; the bureau sees only what it granted.
    await as('assessor').get(`/api/households/${householdId}/assistance`).expect(200);
    const bureauView = (
      await as('bureau').get(`/api/households/${householdId}/assistance`).expect(200)
    ).body.items as HistoryItem[];
    expect(bureauView.map((i) => i.entryId)).toEqual([recorded.body.id]);

    // The list: staff see the household's two ledger entries (with whose they are), the bureau its own.
    const staffList = (
      await as('staffA').get(`/api/assistance-entries?householdId=${householdId}`).expect(200)
    ).body;
    expect(staffList).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect(staffList.items[0].headName).toEqual(expect.any(String));
    const referralOnly = (
      await as('staffA')
        .get(`/api/assistance-entries?householdId=${householdId}&source=referral`)
        .expect(200)
    ).body;
    expect(referralOnly.items.map((e: { referralId: string }) => e.referralId)).toEqual([
      delivered,
    ]);
    // Periods: the outside one-off was on 10-03, the delivery today (after October).
    const october = (
      await as('staffA')
        .get(`/api/assistance-entries?householdId=${householdId}&from=2026-10-01&to=2026-10-31`)
        .expect(200)
    ).body;
    expect(october.items.map((e: { id: string }) => e.id)).toEqual([recorded.body.id]);
    const bureauList = (await as('bureau').get('/api/assistance-entries').expect(200)).body;
    expect(bureauList.items.map((e: { id: string }) => e.id)).toEqual([recorded.body.id]);
    expect(bureauList.items[0].headName).toBeNull();
    expect(
      (await as('staffB').get(`/api/assistance-entries?householdId=${householdId}`).expect(200))
        .body.total,
    ).toBe(0);

    // Voiding: the delivery's entry follows its referral; the bureau's own is voided once.
    const deliveryEntry = history.find((i) => i.referralId === delivered)!.entryId!;
    const notVoidable = await as('staffA')
      .post(`/api/assistance-entries/${deliveryEntry}/void`, { reason: '错误' })
      .expect(409);
    expect(notVoidable.body.code).toBe('ASSISTANCE_ENTRY_NOT_VOIDABLE');
    await as('staffB')
      .post(`/api/assistance-entries/${recorded.body.id}/void`, { reason: 'x' })
      .expect(404);
    const voided = await as('bureau')
      .post(`/api/assistance-entries/${recorded.body.id}/void`, { reason: '重复登记' })
      .expect(200);
    expect(voided.body).toMatchObject({ status: 'voided', voidReason: '重复登记' });
    const again = await as('bureau')
      .post(`/api/assistance-entries/${recorded.body.id}/void`, { reason: '重复登记' })
      .expect(409);
    expect(again.body).toMatchObject({
      code: 'ASSISTANCE_ENTRY_VOIDED',
      message: '该救助记录已作废',
    });
    const marked = (await as('staffA').get(`/api/households/${householdId}/assistance`).expect(200))
      .body.items as HistoryItem[];
    expect(marked.find((i) => i.entryId === recorded.body.id)).toMatchObject({ state: 'voided' });
  });
});
