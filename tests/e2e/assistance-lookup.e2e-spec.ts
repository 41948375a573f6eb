import type { AreaEntity } from '@onedoor/areas';
import type { HouseholdEntity } from '@onedoor/households';
import { AssistanceEntriesRepository } from '@onedoor/ledger';
import { PiiCipher, todayInChina } from '@onedoor/platform';
import { newIdNumber, startApi, type TestContext } from './support/test-app';

const PER_MINUTE = 5;

/** A Beijing date `days` from today. */
const dayFromToday = (days: number) => todayInChina(new Date(Date.now() + days * 24 * 3600_000));

describe('Assistance lookup (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  const users: Record<string, { id: string; token: string; providerId: string | null }> = {};
  let receiving: { household: HouseholdEntity; idNumber: string };
  let notReceiving: { household: HouseholdEntity; idNumber: string };
  const since = dayFromToday(-60);

  const newUser = async (
    name: string,
    role: Parameters<TestContext['newUser']>[0],
    area: AreaEntity,
    providerId: string | null = null,
  ) => {
    const u = await ctx.newUser(role, area, providerId);
    users[name] = { id: u.id, token: `Bearer ${await ctx.login(u.username)}`, providerId };
  };

  const ask = (name: string, body: Record<string, unknown>) =>
    ctx.http.post('/api/assistance-lookups').set('Authorization', users[name].token).send(body);
  const get = (name: string, url: string) =>
    ctx.http.get(url).set('Authorization', users[name].token);

  const householdWith = async (community: AreaEntity) => {
    const idNumber = newIdNumber('1975-04-09');
    const household = await ctx.factory.household({
      community,
      tier: 'subsistence',
      members: [{ idNumber }],
    });
    return { household, idNumber };
  };

  beforeAll(async () => {
    ctx = await startApi({ LOOKUP_MAX_PER_MINUTE: String(PER_MINUTE) });
    d = await ctx.newDistrict();
    const healthBureau = await ctx.newProvider(d.streetA, {
      kind: 'government',
      name: '和平区医保局',
    });
    const charity = await ctx.newProvider(d.streetB, { kind: 'charity' });
    await newUser('department', 'provider', d.streetA, healthBureau.id);
    await newUser('charity', 'provider', d.streetB, charity.id);
    await newUser('staffA', 'civil_affairs', d.streetA);
    await newUser('staffB', 'civil_affairs', d.streetB);
    receiving = await householdWith(d.communityA);
    notReceiving = await householdWith(d.communityA);
    // 医疗救助 from two months ago, still running; an older one-off 临时救助 long past.
    await ctx.app.get(AssistanceEntriesRepository, { strict: false }).insertMany(
      ctx.dataSource.manager,
      [
        { categoryCode: 'medical', title: '医疗救助', startsOn: since, endsOn: null },
        {
          categoryCode: 'emergency',
          title: '临时救助',
          startsOn: dayFromToday(-400),
          endsOn: dayFromToday(-400),
        },
      ].map((e) => ({
        ...e,
        householdId: receiving.household.id,
        source: 'entry' as const,
        grantedBy: '和平区民政局',
        form: 'cash' as const,
        frequency: e.endsOn === null ? ('monthly' as const) : ('one_off' as const),
        amountFen: 50_000,
        areaPath: d.communityA.path,
        tier: 'subsistence' as const,
        residency: 'local' as const,
        recordedById: null,
      })),
    );
  });
  afterAll(() => ctx.close());

  // Every test starts with a full quota: the limiter's counters live in the login-limit table.
  beforeEach(() =>
    ctx.dataSource.query(`DELETE FROM login_limit WHERE key LIKE 'assistance_lookup%'`),
  );

  const receivesMedical = (idNumber: string) => ({
    idNumber,
    question: 'receives',
    categoryCode: 'medical',
    purpose: 'eligibility_review',
  });

  it('answers yes with the period for a person receiving the category, and nothing else', async () => {
    const res = await ask('department', receivesMedical(receiving.idNumber)).expect(200);
    expect(res.body).toEqual({
      answer: true,
      since,
      until: null,
      remainingToday: expect.any(Number),
    });
  });

  it('answers no, in the same shape, for a person not receiving it and for an unregistered number', async () => {
    const past = await ask('department', {
      ...receivesMedical(receiving.idNumber),
      categoryCode: 'emergency',
    }).expect(200);
    const other = await ask('department', receivesMedical(notReceiving.idNumber)).expect(200);
    const unknown = await ask('department', receivesMedical(newIdNumber('1990-01-01'))).expect(200);
    for (const res of [past, other, unknown]) {
      expect(res.body).toEqual({
        answer: false,
        since: null,
        until: null,
        remainingToday: expect.any(Number),
      });
    }
  });

  it('answers whether the household holds a tier', async () => {
    const yes = await ask('department', {
      idNumber: receiving.idNumber,
      question: 'tier',
      tier: 'subsistence',
      purpose: 'duplicate_check',
    }).expect(200);
    // The factory sets the tier without an assessment: since when is not known.
    expect(yes.body).toMatchObject({ answer: true, since: null, until: null });
    const no = await ask('department', {
      idNumber: receiving.idNumber,
      question: 'tier',
      tier: 'low_income',
      purpose: 'duplicate_check',
    }).expect(200);
    expect(no.body).toMatchObject({ answer: false, since: null, until: null });
  });

  it('refuses a wrong identity number with 422 on the field, in Chinese', async () => {
    const good = receiving.idNumber;
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await ask('department', receivesMedical(wrongCheck)).expect(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      code: 'ASSISTANCE_LOOKUP_ID_NUMBER_INVALID',
      message: '身份证号不正确',
      details: [
        { field: 'idNumber', constraint: 'isIdNumber', params: { problem: 'check_digit' } },
      ],
    });
    expect(res.body.details[0].message).toMatch(/校验/);
  });

  it('refuses a question without a purpose, or `other` without a note (400)', async () => {
    const { purpose: _purpose, ...noPurpose } = receivesMedical(receiving.idNumber);
    const missing = await ask('department', noPurpose).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.map((e: { field: string }) => e.field)).toContain('purpose');
    const other = await ask('department', {
      ...receivesMedical(receiving.idNumber),
      purpose: 'other',
    }).expect(400);
    expect(other.body.details.map((e: { field: string }) => e.field)).toContain('purposeNote');
    const unknownCategory = await ask('department', {
      ...receivesMedical(receiving.idNumber),
      categoryCode: 'no_such_category',
    }).expect(400);
    expect(unknownCategory.body.details[0]).toMatchObject({
      field: 'categoryCode',
      constraint: 'unknownCategory',
    });
  });

  it('logs the question with the digest of the number, never the number', async () => {
    await ask('department', {
      ...receivesMedical(receiving.idNumber),
      purpose: 'other',
      purposeNote: '住院押金减免审核',
    }).expect(200);
    const rows: Array<{ id_hmac: string; household_id: string; row: string }> =
      await ctx.dataSource.query(
        `SELECT id_hmac, household_id, row_to_json(l)::text AS row
           FROM assistance_lookup l WHERE user_id = $1 AND purpose_note = '住院押金减免审核'`,
        [users.department.id],
      );
    expect(rows).toHaveLength(1);
    const pii = ctx.app.get(PiiCipher, { strict: false });
    expect(rows[0].id_hmac).toBe(pii.digest(receiving.idNumber));
    expect(rows[0].household_id).toBe(receiving.household.id);
    expect(rows[0].row).not.toContain(receiving.idNumber);
    expect(rows[0].row).not.toContain(receiving.idNumber.slice(0, 17));
  });

  it("shows the lookups to the household's area staff, and 404 to another area's", async () => {
    await ask('department', receivesMedical(receiving.idNumber)).expect(200);
    const mine = await get('staffA', `/api/households/${receiving.household.id}/lookups`).expect(
      200,
    );
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items[0]).toMatchObject({
      userId: users.department.id,
      role: 'provider',
      providerId: users.department.providerId,
      providerName: '和平区医保局',
      purpose: 'eligibility_review',
      question: 'receives',
      categoryCode: 'medical',
      answer: true,
      since,
      until: null,
      householdId: receiving.household.id,
    });
    await get('staffB', `/api/households/${receiving.household.id}/lookups`).expect(404);
    await get('department', `/api/households/${receiving.household.id}/lookups`).expect(403);

    const areaLog = await get('staffA', `/api/assistance-lookups?limit=100`).expect(200);
    expect(
      areaLog.body.items.some(
        (l: { householdId: string | null }) => l.householdId === receiving.household.id,
      ),
    ).toBe(true);
    const otherArea = await get('staffB', `/api/assistance-lookups?limit=100`).expect(200);
    expect(
      otherArea.body.items.some((l: { userId: string }) => l.userId === users.department.id),
    ).toBe(false);
  });

  it("shows providers their own organization's lookups only, without the household", async () => {
    await ask('department', receivesMedical(receiving.idNumber)).expect(200);
    await ask('charity', receivesMedical(notReceiving.idNumber)).expect(200);
    const own = await get('department', '/api/assistance-lookups?limit=100').expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    for (const item of own.body.items) {
      expect(item.providerId).toBe(users.department.providerId);
      expect(item.householdId).toBeNull();
    }
    const charity = await get('charity', '/api/assistance-lookups?limit=100').expect(200);
    expect(charity.body.items.map((l: { userId: string }) => l.userId)).toEqual(
      charity.body.items.map(() => users.charity.id),
    );
    expect(charity.body.items.length).toBeGreaterThan(0);
  });

  it(`refuses the ${PER_MINUTE + 1}th lookup in a minute with 429 and Retry-After`, async () => {
    for (let i = 0; i < PER_MINUTE; i++) {
      const res = await ask('charity', receivesMedical(notReceiving.idNumber)).expect(200);
      expect(res.body.remainingToday).toBe(200 - 1 - i);
    }
    const refused = await ask('charity', receivesMedical(notReceiving.idNumber)).expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'ASSISTANCE_LOOKUP_RATE_LIMITED',
    });
    expect(refused.body.message).toMatch(/^查询过于频繁，请 \d+ 秒后再试$/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another user's quota is their own.
    await ask('department', receivesMedical(notReceiving.idNumber)).expect(200);
  });
});
