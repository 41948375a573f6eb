import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { ReferralsService } from '@onedoor/matching';
import { Clock, todayInChina } from '@onedoor/platform';
import { eventually, withMatcher } from './support/matcher-process';
import { CALM_ANSWERS, startApi, TestContext } from './support/test-app';

type Proposal = { id: string; resourceId: string; needId: string; status: string };
type NeedView = {
  needId: string;
  categoryCode: string;
  status: string;
  lastMatchedAt: string | null;
  proposals: Proposal[];
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A CSV answer's rows, parsed back (BOM checked by the caller). */
const csvRows = (text: string) =>
  parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

/** The CSV cell of a JSON value: numbers as written, null empty. */
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('Reports (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();
  let clock: Clock;

  beforeAll(async () => {
    ctx = await startApi();
    clock = ctx.app.get(Clock);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  const setNow = (at: Date) => jest.spyOn(clock, 'now').mockReturnValue(at);
  const needsOf = async (token: string, householdId: string) =>
    (
      await ctx.http
        .get(`/api/households/${householdId}/matches`)
        .set('Authorization', token)
        .expect(200)
    ).body as NeedView[];
  /** Waits for the household's need of a category to satisfy `ok`. */
  const needOf = (
    token: string,
    householdId: string,
    category: string,
    ok: (n: NeedView) => boolean,
  ) =>
    eventually(
      async () =>
        (await needsOf(token, householdId)).find((n) => n.categoryCode === category && ok(n)),
      40_000,
      `the ${category} need of ${householdId} to be matched`,
    );
  const proposed = (resourceId: string) => (n: NeedView) =>
    n.proposals.some((p) => p.resourceId === resourceId && p.status === 'proposed');
  const proposalFor = (n: NeedView, resourceId: string) =>
    n.proposals.find((p) => p.resourceId === resourceId && p.status === 'proposed')!;

  /**
   * The hand-built district. Street A (community cA), street B (community cB).
   * Resources: R1 legal aid for the whole district, local residents only (capacity 10);
   * R2 housing for street A only, no conditions (capacity 4, valid 60 days);
   * R3 legal aid for street B, local residents only (capacity 5), another provider.
   * Households, all of one member:
   *   H1 in cA, local: legal aid + housing, assessed twice → two legal-aid (and two housing)
   *     needs, the first withdrawn; counted once per category.
   *   H2 in cB, non-local: legal aid (R1 and R3 exclude it: ineligible) + housing (R2 does not
   *     cover street B): nothing accessible, both needs unmet.
   *   H3 in cB, local: legal aid; referred to R1, declined, re-matched to R3, closed resolved.
   * Referrals, on a fixed clock from T0 (09:00 China, 30 days ahead so the matcher's real-time
   * SLA sweep never touches them):
   *   F1 H1 legal → R1: approved T0, accepted +2 h, delivered +24 h.
   *   F2 H3 legal → R1: approved T0+1 h, declined T0+3 h.
   *   F3 H3 legal → R3: approved T0+26 h, accepted T0+100 h (72 h deadline: late),
   *     delivered T0+101 h, closed resolved T0+102 h.
   *   F4 H1 housing → R2: approved T0+48 h, never answered; the sweep at T0+121 h escalates it.
   */
  async function district() {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.district);
    const p1 = await ctx.newProviderWithUser(tree.district);
    const p2 = await ctx.newProviderWithUser(tree.district);
    const today = todayInChina(new Date());
    const inDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
    const local = { residency: { in: ['local'] } };
    const r1 = await ctx.publishedResource(p1.token, staff, tree.district, {
      categoryCode: 'legal_aid',
      serviceLevel: 'district',
      capacity: 10,
      eligibility: local,
    });
    const r2 = await ctx.publishedResource(p1.token, staff, tree.streetA, {
      categoryCode: 'housing',
      serviceLevel: 'street',
      capacity: 4,
      validUntil: inDays(60),
    });
    const r3 = await ctx.publishedResource(p2.token, staff, tree.streetB, {
      categoryCode: 'legal_aid',
      serviceLevel: 'street',
      capacity: 5,
      eligibility: local,
    });
    const both = { legal_dispute: true, housing_condition: 'poor' };
    const { household: h1 } = await ctx.assessedHousehold(assessor, tree.communityA, both);
    const { household: h2 } = await ctx.assessedHousehold(
      assessor,
      tree.communityB,
      both,
      ctx.householdBody(tree.communityB, { residency: 'non_local' }),
    );
    const { household: h3 } = await ctx.assessedHousehold(assessor, tree.communityB, {
      legal_dispute: true,
    });

    // H1 is assessed again once the matcher has seen it: its open needs are withdrawn and
    // found again (a second need of each category).
    const first = await needOf(assessor, h1.id, 'legal_aid', proposed(r1.id));
    const again = await ctx.http
      .post(`/api/households/${h1.id}/assessments`)
      .set('Authorization', assessor)
      .send({})
      .expect(201);
    await ctx.http
      .patch(`/api/assessments/${again.body.id}`)
      .set('Authorization', assessor)
      .send({ answers: { ...CALM_ANSWERS, ...both } })
      .expect(200);
    await ctx.http
      .post(`/api/assessments/${again.body.id}/complete`)
      .set('Authorization', assessor)
      .send({})
      .expect(200);
    const h1Legal = await needOf(
      assessor,
      h1.id,
      'legal_aid',
      (n) => n.needId !== first.needId && proposed(r1.id)(n),
    );
    const h1Housing = await needOf(assessor, h1.id, 'housing', proposed(r2.id));
    const h3Legal = await needOf(assessor, h3.id, 'legal_aid', proposed(r1.id));
    const h2Needs = await eventually(
      async () => {
        const needs = await needsOf(assessor, h2.id);
        return needs.length === 2 && needs.every((n) => n.lastMatchedAt) ? needs : undefined;
      },
      40_000,
      'H2 to be matched',
    );

    const d0 = inDays(30);
    const t0 = Date.parse(`${d0}T09:00:00+08:00`);
    const at = (hours: number) => setNow(new Date(t0 + hours * HOUR));
    const post = (token: string, path: string, body: object = {}) =>
      ctx.http
        .post(path)
        .set('Authorization', token)
        .send(body)
        .expect((res) => {
          if (res.status >= 300)
            throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        });

    at(0);
    const f1 = (await post(staff, `/api/matches/${proposalFor(h1Legal, r1.id).id}/approve`)).body
      .id;
    at(1);
    const f2 = (await post(staff, `/api/matches/${proposalFor(h3Legal, r1.id).id}/approve`)).body
      .id;
    at(2);
    await post(p1.token, `/api/referrals/${f1}/accept`);
    at(3);
    await post(p1.token, `/api/referrals/${f2}/decline`, { reason: 'capacity' });
    at(24);
    await post(p1.token, `/api/referrals/${f1}/deliver`, { units: 1, amountFen: 0 });
    const rematched = await needOf(assessor, h3.id, 'legal_aid', proposed(r3.id));
    at(26);
    const f3 = (await post(staff, `/api/matches/${proposalFor(rematched, r3.id).id}/approve`)).body
      .id;
    at(48);
    await post(staff, `/api/matches/${proposalFor(h1Housing, r2.id).id}/approve`);
    at(100);
    await post(p2.token, `/api/referrals/${f3}/accept`);
    at(101);
    await post(p2.token, `/api/referrals/${f3}/deliver`, { units: 1, amountFen: 0 });
    at(102);
    await post(staff, `/api/referrals/${f3}/close`, { satisfaction: 4, resolved: true });
    at(121);
    await ctx.app.get(ReferralsService).sweep();

    return { tree, staff, r1, r2, r3, h1, h2, h2Needs, d0, inDays, p1, p2 };
  }

  let s: Awaited<ReturnType<typeof district>>;
  beforeAll(async () => {
    s = await district();
  }, 120_000);

  const report = (path: string, token = s.staff) => ctx.http.get(path).set('Authorization', token);

  it('computes coverage per street and per category exactly as counted by hand', async () => {
    const to = s.inDays(40);
    const byArea = await report(
      `/api/reports/coverage?areaId=${s.tree.district.id}&to=${to}`,
    ).expect(200);
    // Pairs (household, category): street A: H1·legal, H1·housing; street B: H2·legal,
    // H2·housing, H3·legal. Accessible: H1·legal (R1), H1·housing (R2), H3·legal (R1, R3).
    // Attained: H1·legal (F1 delivered), H3·legal (F3 closed resolved; F2 declined).
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect([...byArea.body.rows].sort(byKey)).toEqual(
      [
        {
          key: s.tree.streetA.id,
          name: s.tree.streetA.name,
          householdsWithNeed: 2,
          accessible: 2,
          attained: 1,
          accessibilityRate: 1,
          attainabilityRate: 0.5,
        },
        {
          key: s.tree.streetB.id,
          name: s.tree.streetB.name,
          householdsWithNeed: 3,
          accessible: 1,
          attained: 1,
          accessibilityRate: 0.3333,
          attainabilityRate: 0.3333,
        },
      ].sort(byKey),
    );
    expect(byArea.body.total).toEqual({
      key: 'total',
      name: '合计',
      householdsWithNeed: 5,
      accessible: 3,
      attained: 2,
      accessibilityRate: 0.6,
      attainabilityRate: 0.4,
    });

    const byCategory = await report(
      `/api/reports/coverage?areaId=${s.tree.district.id}&to=${to}&groupBy=category`,
    ).expect(200);
    const rows = new Map(byCategory.body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows.get('legal_aid')).toMatchObject({
      householdsWithNeed: 3,
      accessible: 2,
      attained: 2,
      accessibilityRate: 0.6667,
      attainabilityRate: 0.6667,
    });
    expect(rows.get('housing')).toMatchObject({
      householdsWithNeed: 2,
      accessible: 1,
      attained: 0,
      accessibilityRate: 0.5,
      attainabilityRate: 0,
    });
    expect(rows.get('medical')).toMatchObject({ householdsWithNeed: 0, accessibilityRate: null });
    expect(byCategory.body.total).toMatchObject({
      householdsWithNeed: 5,
      accessible: 3,
      attained: 2,
    });

    // One category; and a period ending before the deliveries: nothing attained yet.
    const legal = await report(
      `/api/reports/coverage?areaId=${s.tree.district.id}&category=legal_aid&to=${s.d0}`,
    ).expect(200);
    expect(legal.body.total).toMatchObject({ householdsWithNeed: 3, accessible: 2, attained: 0 });
    expect(legal.body.period.to).toBe(s.d0);
  });

  it('answers CSV with a BOM that parses back to the JSON figures', async () => {
    const q = `/api/reports/coverage?areaId=${s.tree.district.id}&to=${s.inDays(40)}`;
    const jsonAnswer = await report(q).expect(200);
    const json = jsonAnswer.body;
    const csv = await report(q).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="coverage.csv"');
    // One URL, several representations: a cache must key them on Accept and the language.
    expect(jsonAnswer.headers['content-type']).toMatch(/^application\/json/);
    expect(jsonAnswer.headers.vary).toBe('Accept, Accept-Language');
    expect(csv.headers.vary).toBe('Accept, Accept-Language');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toMatch(/\r\n$/);
    const [header, ...cells] = parse(csv.text, { bom: true }) as string[][];
    expect(header).toEqual([
      '编号',
      '名称',
      '有该需求的家庭数',
      '可及家庭数',
      '已获得服务家庭数',
      '可及率',
      '可得率',
    ]);
    expect(cells).toEqual(
      [...json.rows, json.total].map((r: Record<string, unknown>) =>
        [
          'key',
          'name',
          'householdsWithNeed',
          'accessible',
          'attained',
          'accessibilityRate',
          'attainabilityRate',
        ].map((k) => cell(r[k])),
      ),
    );
    const parsed = csvRows(csv.text);
    const english = await report(q).set('Accept', 'text/csv').set('Accept-Language', 'en');
    expect(english.text.split('\r\n')[0]).toBe(
      '\uFEFFKey,Name,Households with the need,Accessible,Attained,Accessibility rate,Attainability rate',
    );
    // Chinese names survive: the total row's name.
    expect(parsed.at(-1)!['名称']).toBe('合计');

    const sla = `/api/reports/referral-sla?areaId=${s.tree.district.id}&from=${s.d0}&to=${s.inDays(35)}`;
    const slaJson = (await report(sla).expect(200)).body;
    const slaCsv = csvRows((await report(`${sla}&format=csv`).expect(200)).text);
    expect(slaCsv.map((r) => Number(r['转介数']))).toEqual(
      [...slaJson.rows, slaJson.total].map((r: { referrals: number }) => r.referrals),
    );
    expect(slaCsv.at(-1)!['交付用时中位数（小时）']).toBe(
      String(slaJson.total.medianHoursToDeliver),
    );

    // The same table as an Excel workbook: Chinese header, counts as numbers, a row per CSV row.
    const xlsx = await report(`${sla}&format=xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="referral-sla.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const sheetHeader = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheetHeader).toEqual(Object.keys(slaCsv[0]));
    const referralsColumn = sheetHeader.indexOf('转介数') + 1;
    expect(
      Array.from(
        { length: sheet.rowCount - 1 },
        (_, i) => sheet.getRow(i + 2).getCell(referralsColumn).value,
      ),
    ).toEqual([...slaJson.rows, slaJson.total].map((r: { referrals: number }) => r.referrals));
  });

  it('gives a street officer their street only: another street is 403, their total excludes it', async () => {
    const officer = await ctx.tokenFor('civil_affairs', s.tree.streetA);
    const to = s.inDays(40);
    for (const area of [s.tree.streetB, s.tree.district]) {
      const res = await report(`/api/reports/coverage?areaId=${area.id}&to=${to}`, officer).expect(
        403,
      );
      expect(res.body.code).toBe('AREA_OUT_OF_SCOPE');
    }
    await report(`/api/reports/unmet-needs?areaId=${s.tree.streetB.id}`, officer).expect(403);
    const own = await report(`/api/reports/coverage?to=${to}`, officer).expect(200);
    expect(own.body.area).toEqual({ id: s.tree.streetA.id, name: s.tree.streetA.name });
    expect(own.body.rows).toEqual([
      expect.objectContaining({
        key: s.tree.communityA.id,
        householdsWithNeed: 2,
        accessible: 2,
        attained: 1,
      }),
    ]);
    expect(own.body.total).toMatchObject({ householdsWithNeed: 2, accessible: 2, attained: 1 });
    // Providers and assessors do not read reports.
    await report(`/api/reports/coverage`, s.p1.token).expect(403);
    await report(`/api/reports/coverage`, await ctx.tokenFor('assessor', s.tree.streetA)).expect(
      403,
    );
  });

  it('lists exactly the unmet needs, with the reasons the matcher recorded', async () => {
    const needs = await report(
      `/api/reports/unmet-needs?areaId=${s.tree.district.id}&view=needs`,
    ).expect(200);
    const legal = s.h2Needs.find((n) => n.categoryCode === 'legal_aid')!;
    const housing = s.h2Needs.find((n) => n.categoryCode === 'housing')!;
    expect(
      needs.body.rows
        .map(
          (r: {
            needId: string;
            householdId: string;
            areaId: string;
            categoryCode: string;
            reasons: string[];
          }) => ({
            needId: r.needId,
            householdId: r.householdId,
            areaId: r.areaId,
            categoryCode: r.categoryCode,
            reasons: r.reasons,
          }),
        )
        .sort((a: { categoryCode: string }, b: { categoryCode: string }) =>
          a.categoryCode.localeCompare(b.categoryCode),
        ),
    ).toEqual([
      {
        needId: housing.needId,
        householdId: s.h2.id,
        areaId: s.tree.streetB.id,
        categoryCode: 'housing',
        reasons: ['NONE_COVERS_AREA'],
      },
      {
        needId: legal.needId,
        householdId: s.h2.id,
        areaId: s.tree.streetB.id,
        categoryCode: 'legal_aid',
        reasons: ['NONE_ELIGIBLE'],
      },
    ]);

    const summary = await report(`/api/reports/unmet-needs?areaId=${s.tree.district.id}`).expect(
      200,
    );
    expect(summary.body.rows).toEqual([
      expect.objectContaining({
        areaId: s.tree.streetB.id,
        categoryCode: 'housing',
        needs: 1,
        households: 1,
        reasons: { NONE_COVERS_AREA: 1 },
      }),
      expect.objectContaining({
        areaId: s.tree.streetB.id,
        categoryCode: 'legal_aid',
        needs: 1,
        households: 1,
        reasons: { NONE_ELIGIBLE: 1 },
      }),
    ]);
    expect(summary.body.total).toMatchObject({
      areaId: null,
      needs: 2,
      households: 1,
      reasons: { NONE_COVERS_AREA: 1, NONE_ELIGIBLE: 1 },
    });
    // Waiting since H2 was assessed (real time), counted to the clock's now (T0 + 121 h).
    const since = Date.parse(summary.body.total.oldestWaitingSince);
    expect(since).toBeLessThan(Date.now());
    expect(summary.body.total.oldestWaitingDays).toBe(
      Math.floor((Date.parse(`${s.d0}T09:00:00+08:00`) + 121 * HOUR - since) / DAY),
    );
    const csv = csvRows(
      (await report(`/api/reports/unmet-needs?areaId=${s.tree.district.id}&format=csv`).expect(200))
        .text,
    );
    expect(csv.at(-1)).toMatchObject({
      需求数: '2',
      未满足原因代码: 'NONE_COVERS_AREA=1;NONE_ELIGIBLE=1',
      未满足原因: '无资源覆盖所在地区=1;不符合任何资源的条件=1',
    });
    // The oldest wait in Beijing time, as people read it.
    const since8 = new Date(since + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    expect(csv.at(-1)!['最早等待起始时间']).toBe(since8);
  });

  it('counts referral deadlines against the fixed clock', async () => {
    const sla = await report(
      `/api/reports/referral-sla?areaId=${s.tree.district.id}&from=${s.d0}&to=${s.inDays(35)}`,
    ).expect(200);
    const [a, b] = [s.tree.streetA, s.tree.streetB].map((st) =>
      sla.body.rows.find((r: { key: string }) => r.key === st.id),
    );
    // Street A: F1 (accepted in 2 h, delivered in 24 h), F4 (open, 1 h past its 72 h deadline,
    // escalated by the sweep).
    expect(a).toEqual({
      key: s.tree.streetA.id,
      name: s.tree.streetA.name,
      referrals: 2,
      open: 1,
      accepted: 0,
      delivered: 1,
      closed: 0,
      declined: 0,
      expired: 0,
      acceptanceDue: 2,
      acceptedWithinDeadline: 1,
      acceptedWithinDeadlineRate: 0.5,
      deliveryDue: 1,
      deliveredWithinDeadline: 1,
      deliveredWithinDeadlineRate: 1,
      overdue: 1,
      escalated: 1,
      medianHoursToAccept: 2,
      medianHoursToDeliver: 24,
    });
    // Street B: F2 declined; F3 accepted 74 h after approval (late), delivered at 75 h.
    expect(b).toMatchObject({
      referrals: 2,
      declined: 1,
      closed: 1,
      acceptanceDue: 2,
      acceptedWithinDeadline: 0,
      acceptedWithinDeadlineRate: 0,
      deliveryDue: 1,
      deliveredWithinDeadline: 1,
      overdue: 0,
      escalated: 0,
      medianHoursToAccept: 74,
      medianHoursToDeliver: 75,
    });
    expect(sla.body.total).toMatchObject({
      referrals: 4,
      acceptanceDue: 4,
      acceptedWithinDeadline: 1,
      acceptedWithinDeadlineRate: 0.25,
      deliveryDue: 2,
      deliveredWithinDeadline: 2,
      deliveredWithinDeadlineRate: 1,
      overdue: 1,
      escalated: 1,
      medianHoursToAccept: 38,
      medianHoursToDeliver: 49.5,
    });

    // Before F4's deadline it is neither overdue nor due for acceptance.
    setNow(new Date(Date.parse(`${s.d0}T09:00:00+08:00`) + 110 * HOUR));
    const earlier = await report(
      `/api/reports/referral-sla?areaId=${s.tree.streetA.id}&from=${s.d0}&to=${s.inDays(35)}`,
    ).expect(200);
    expect(earlier.body.total).toMatchObject({
      referrals: 2,
      acceptanceDue: 1,
      acceptedWithinDeadlineRate: 1,
      overdue: 0,
    });
    setNow(new Date(Date.parse(`${s.d0}T09:00:00+08:00`) + 121 * HOUR));

    const byProvider = await report(
      `/api/reports/referral-sla?areaId=${s.tree.district.id}&from=${s.d0}&to=${s.inDays(35)}&groupBy=provider`,
    ).expect(200);
    expect(
      byProvider.body.rows
        .map((r: { key: string; referrals: number }) => [r.key, r.referrals])
        .sort(),
    ).toEqual(
      [
        [s.p1.provider.id, 3],
        [s.p2.provider.id, 1],
      ].sort(),
    );
    // A period before T0 holds none of them.
    const before = await report(
      `/api/reports/referral-sla?areaId=${s.tree.district.id}&to=${s.inDays(29)}`,
    ).expect(200);
    expect(before.body.total.referrals).toBe(0);
  });

  it('reports resource utilization and what expires soon', async () => {
    const res = await report(
      `/api/reports/resources?areaId=${s.tree.district.id}&expiringWithinDays=90`,
    ).expect(200);
    const row = (id: string) => res.body.rows.find((r: { key: string }) => r.key === id);
    expect(row(s.r1.id)).toMatchObject({
      capacity: 10,
      reserved: 0,
      delivered: 1,
      remaining: 9,
      shareUsed: 0.1,
      expiringSoon: 0,
    });
    expect(row(s.r2.id)).toMatchObject({
      capacity: 4,
      reserved: 1,
      delivered: 0,
      shareUsed: 0.25,
      expiringSoon: 1,
      validUntil: s.inDays(60),
    });
    expect(row(s.r3.id)).toMatchObject({ capacity: 5, reserved: 0, delivered: 1, shareUsed: 0.2 });
    expect(res.body.total).toMatchObject({
      resources: 3,
      capacity: 19,
      reserved: 1,
      delivered: 2,
      shareUsed: 0.1579,
      expiringSoon: 1,
    });
    // The total is of no resource in particular.
    expect(res.body.total).toMatchObject({
      key: 'total',
      providerName: null,
      categoryCode: null,
      status: null,
      validUntil: null,
    });
    // Time has moved on to T0 + 121 h (30+ days): R2 now ends within 30 days.
    const kinds = await report(
      `/api/reports/resources?areaId=${s.tree.district.id}&groupBy=providerKind`,
    ).expect(200);
    expect(kinds.body.rows).toEqual([
      expect.objectContaining({ key: 'charity', resources: 3, capacity: 19, expiringSoon: 1 }),
    ]);
    const csv = csvRows(
      (
        await report(`/api/reports/resources?areaId=${s.tree.district.id}`)
          .set('Accept', 'text/csv')
          .expect(200)
      ).text,
    );
    expect(csv.at(-1)).toMatchObject({ 编号: 'total', 名额: '19', 使用率: '0.1579' });
  });

  it('refuses bad input in the one error shape', async () => {
    const bad = await report(
      `/api/reports/coverage?from=2026-02-01&to=2026-01-01&areaId=${s.tree.district.id}`,
    ).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await report(`/api/reports/coverage?groupBy=street`).expect(400);
    await report(
      `/api/reports/coverage?areaId=${s.tree.district.id}&category=no_such_thing`,
    ).expect(400);
    await report(`/api/reports/coverage?areaId=00000000-0000-4000-8000-000000000000`).expect(404);
  });
});
