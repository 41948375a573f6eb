import { phoneDigest } from '@onedoor/households';
import type { HouseholdEntity } from '@onedoor/households';
import { MatchingModule } from '@onedoor/matching';
import { Clock, PiiCipher, type Principal } from '@onedoor/platform';
import {
  LeadDeadlinesService,
  LeadReportService,
  LeadsService,
  ReliefModule,
} from '@onedoor/relief';
import { type District, newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const HOUR = 3_600_000;

/**
 * Leads on real PostgreSQL: the registry check against existing households (identity number,
 * phone, address), personal data stored only as digests and ciphertext, the triage deadline
 * escalating with the Clock moved, decisions taken once under concurrency, and the intake's
 * markRegistered.
 */
describe(LeadsService.name, () => {
  let ctx: ServiceContext;
  let sut: LeadsService;
  let tree: District;
  let reporter: Principal;
  let staffA: Principal;
  let staffB: Principal;
  let assessorA: Principal;
  let known: HouseholdEntity;
  const knownId = newIdNumber('1968-04-02');
  const knownPhone = '13812340001';

  const report = (over: Record<string, unknown> = {}, by: Principal = reporter) =>
    sut.report(
      {
        subjectName: '张三',
        communityId: tree.communityA.id,
        situation: '户主突发重病住院，家中无人照顾',
        ...over,
      } as never,
      by,
    );

  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string; details?: Array<{ field: string; constraint: string }> };
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    // The ledger's entities refer to matching's referrals: both libs below relief, as the API has them.
    ctx = await startServices([MatchingModule, ReliefModule]);
    sut = ctx.get(LeadsService);
    const f = ctx.factory;
    tree = await f.district();
    reporter = await f.principal('reporter', tree.communityA);
    staffA = await f.principal('civil_affairs', tree.streetA);
    staffB = await f.principal('civil_affairs', tree.streetB);
    assessorA = await f.principal('assessor', tree.communityA);
    known = await f.household({
      community: tree.communityA,
      phoneHmac: phoneDigest(ctx.get(PiiCipher), knownPhone),
      address: '幸福路１２号 3单元401',
      members: [{ idNumber: knownId, name: '王大明' }],
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('finds the registered household by a member’s identity number, and lists it masked for staff in scope', async () => {
    const lead = await report({ idNumber: knownId.toLowerCase() });
    expect(lead).toMatchObject({ status: 'reported', subjectNameMasked: '张*' });
    const page = await sut.get(lead.id, staffA);
    expect(page.candidateCount).toBe(1);
    expect(page.candidates).toEqual([
      expect.objectContaining({
        householdId: known.id,
        headNameMasked: '王**',
        matchedBy: ['idNumber'],
      }),
    ]);
    expect(page.idMasked).toBe(`**************${knownId.slice(-4)}`);
  });

  it('finds it by phone (spaces and dashes ignored) and by the same address in the same community, written differently', async () => {
    const byPhone = await sut.get((await report({ phone: '138 1234-0001' })).id, assessorA);
    expect(byPhone.candidates.map((c) => [c.householdId, c.matchedBy])).toEqual([
      [known.id, ['phone']],
    ]);
    expect(byPhone.phoneMasked).toBe('138****0001');
    const byAddress = await sut.get(
      (await report({ address: ' 幸福路12号3单元 401 ' })).id,
      staffA,
    );
    expect(byAddress.candidates.map((c) => [c.householdId, c.matchedBy])).toEqual([
      [known.id, ['address']],
    ]);
    // The same address in another community is another family.
    const elsewhere = await report({
      address: '幸福路12号3单元401',
      communityId: tree.communityB.id,
    });
    expect((await sut.get(elsewhere.id, staffB)).candidates).toEqual([]);
  });

  it('offers nothing for an unknown family, and only households within the reader’s scope', async () => {
    const lead = await report({ idNumber: newIdNumber('1990-01-01'), phone: '13999990000' });
    expect((await sut.get(lead.id, staffA)).candidates).toEqual([]);
    // Reported in community B about the known family of community A: staff of street B see
    // the lead but not the household outside their scope.
    const across = await report({ communityId: tree.communityB.id, idNumber: knownId });
    const page = await sut.get(across.id, staffB);
    expect(page.candidateCount).toBe(1);
    expect(page.candidates).toEqual([]);
  });

  it('stores the identity number, phones and situation only as digests and ciphertext, and notifies the community’s staff', async () => {
    const lead = await report({
      idNumber: knownId,
      phone: knownPhone,
      reporterPhone: '13700001111',
      situation: '家中失火，房屋烧毁',
    });
    const [row] = await ctx.dataSource.query(`SELECT * FROM lead WHERE id = $1`, [lead.id]);
    const text = JSON.stringify(row);
    for (const secret of [knownId, knownPhone, '13700001111', '家中失火'])
      expect(text).not.toContain(secret);
    expect(row.id_hmac).toBe(ctx.get(PiiCipher).digest(knownId));
    expect(row.source).toBe('reporter');
    const [event] = await ctx.dataSource.query(
      `SELECT audience, data FROM outbox_event WHERE type = 'lead.reported' AND entity_id = $1`,
      [lead.id],
    );
    expect(event.audience).toEqual([
      { roles: ['civil_affairs', 'assessor'], areaPath: tree.communityA.path },
    ]);
    expect(JSON.stringify(event.data)).not.toContain('张三');
    // Staff in scope read the situation in clear.
    expect((await sut.get(lead.id, staffA)).situation).toBe('家中失火，房屋烧毁');
  });

  it('refuses a place that is not a community', async () => {
    const e = await failure(report({ communityId: tree.streetA.id }));
    expect(e.details).toEqual([
      expect.objectContaining({ field: 'communityId', constraint: 'leadCommunity' }),
    ]);
  });

  it('answers 404 to a reporter and to staff outside the scope; a reporter lists only their own, masked', async () => {
    const lead = await report();
    expect((await failure(sut.get(lead.id, reporter))).code).toBe('LEAD_NOT_FOUND');
    expect((await failure(sut.get(lead.id, staffB))).code).toBe('LEAD_NOT_FOUND');
    expect((await failure(sut.link(lead.id, known.id, staffB))).code).toBe('LEAD_NOT_FOUND');
    const other = await ctx.factory.principal('reporter', tree.communityA);
    await report({ subjectName: '李四' }, other);
    const mine = await sut.mine({ page: 1, limit: 100 } as never, other);
    expect(mine.items).toEqual([
      expect.objectContaining({ subjectNameMasked: '李*', communityName: tree.communityA.name }),
    ]);
    expect(Object.keys(mine.items[0]).sort()).toEqual(
      ['communityName', 'id', 'reference', 'reportedAt', 'status', 'subjectNameMasked'].sort(),
    );
  });

  it('escalates a lead still untriaged past its deadline to the street, once, with the Clock moved', async () => {
    const clock = ctx.get(Clock);
    const reportedAt = new Date('2026-12-02T01:00:00Z');
    jest.spyOn(clock, 'now').mockReturnValue(reportedAt);
    const late = await report();
    const decided = await report();
    await sut.triage(decided.id, '已电话核实', staffA);
    const sweeper = ctx.get(LeadDeadlinesService);

    jest.spyOn(clock, 'now').mockReturnValue(new Date(reportedAt.getTime() + 4 * HOUR - 1000));
    await sweeper.sweep();
    const before = await ctx.dataSource.query(`SELECT escalated_at FROM lead WHERE id = $1`, [
      late.id,
    ]);
    expect(before[0].escalated_at).toBeNull();

    const after = new Date(reportedAt.getTime() + 4 * HOUR + 1000);
    jest.spyOn(clock, 'now').mockReturnValue(after);
    await sweeper.sweep();
    await sweeper.sweep();
    const rows = await ctx.dataSource.query(
      `SELECT id, escalated_at, escalated_to_area_id FROM lead WHERE id = ANY($1)`,
      [[late.id, decided.id]],
    );
    const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId[late.id]).toMatchObject({
      escalated_at: after,
      escalated_to_area_id: tree.streetA.id,
    });
    expect(byId[decided.id].escalated_at).toBeNull();
    const events = await ctx.dataSource.query(
      `SELECT audience FROM outbox_event WHERE type = 'lead.overdue' AND entity_id = $1`,
      [late.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].audience).toContainEqual({
      roles: ['civil_affairs'],
      areaPath: tree.streetA.path,
    });
    const audits = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'lead' AND entity_id = $1 ORDER BY at`,
      [late.id],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['report', 'escalate']);
    // The queue puts it first, flagged overdue.
    const queue = await sut.list({ page: 1, limit: 100 } as never, staffA);
    expect(queue.items[0]).toMatchObject({ id: late.id, overdue: true });
  });

  it('links a lead to a household in scope, tells the reporter, and refuses a household outside the scope', async () => {
    const lead = await report({ idNumber: knownId });
    const away = await ctx.factory.household({ community: tree.communityB });
    expect((await failure(sut.link(lead.id, away.id, staffA))).code).toBe(
      'LEAD_HOUSEHOLD_NOT_FOUND',
    );
    const linked = await sut.link(lead.id, known.id, staffA);
    expect(linked).toMatchObject({ status: 'linked', householdId: known.id });
    expect(linked.triagedAt).not.toBeNull();
    const [notice] = await ctx.dataSource.query(
      `SELECT audience, data FROM outbox_event WHERE type = 'lead.outcome' AND entity_id = $1`,
      [lead.id],
    );
    expect(notice.audience).toEqual([{ userIds: [reporter.userId] }]);
    expect(notice.data.outcome).toBe('已关联家庭');
    expect((await failure(sut.close(lead.id, { reason: '重复' }, staffA))).code).toBe(
      'LEAD_STATE_INVALID',
    );
    const mine = await sut.mine({ page: 1, limit: 100 } as never, reporter);
    expect(mine.items.find((i) => i.id === lead.id)?.status).toBe('linked');
  });

  it('takes one decision when two staff decide at once', async () => {
    const lead = await report();
    const results = await Promise.allSettled([
      sut.link(lead.id, known.id, staffA),
      sut.close(lead.id, { reason: '经核实无需救助' }, assessorA),
      sut.triage(lead.id, undefined, staffA),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe('LEAD_STATE_INVALID');
    const audits = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'lead' AND entity_id = $1 AND action <> 'report'`,
      [lead.id],
    );
    expect(audits[0].n).toBe(1);
  });

  it('markRegistered ends an open lead as registered in the caller’s transaction, and only an open one in scope', async () => {
    const lead = await report();
    await ctx.dataSource.transaction((m) => sut.markRegistered(m, lead.id, known.id, staffA));
    expect(await sut.get(lead.id, staffA)).toMatchObject({
      status: 'registered',
      householdId: known.id,
    });
    expect(
      (
        await failure(
          ctx.dataSource.transaction((m) => sut.markRegistered(m, lead.id, known.id, staffA)),
        )
      ).code,
    ).toBe('LEAD_STATE_INVALID');
    const other = await report();
    expect(
      (
        await failure(
          ctx.dataSource.transaction((m) => sut.markRegistered(m, other.id, known.id, staffB)),
        )
      ).code,
    ).toBe('LEAD_NOT_FOUND');
    // A rolled-back intake leaves the lead open.
    await ctx.dataSource
      .transaction(async (m) => {
        await sut.markRegistered(m, other.id, known.id, staffA);
        throw new Error('intake failed');
      })
      .catch(() => undefined);
    expect((await sut.get(other.id, staffA)).status).toBe('reported');
  });

  it('reports leads per source: triaged in time, linked, and assisted only by a grant paid after the lead came in', async () => {
    const t = await ctx.factory.district();
    const staff = await ctx.factory.principal('civil_affairs', t.streetA);
    const cadre = await ctx.factory.principal('reporter', t.communityA);
    const helped = await ctx.factory.household({ community: t.communityA });
    const before = await ctx.factory.household({ community: t.communityA });
    const clock = ctx.get(Clock);
    const at = new Date('2026-11-10T02:00:00Z'); // 10:00 in Beijing
    jest.spyOn(clock, 'now').mockReturnValue(at);
    const body = { subjectName: '周九', communityId: t.communityA.id, situation: '火灾' } as never;
    const a = await sut.report(body, cadre);
    const b = await sut.report(body, cadre);
    const c = await sut.report(body, cadre);
    await sut.link(a.id, helped.id, staff);
    await sut.link(b.id, before.id, staff);
    // c is decided after its deadline: not in time.
    jest.spyOn(clock, 'now').mockReturnValue(new Date(at.getTime() + 5 * HOUR));
    await sut.close(c.id, { reason: '重复线索' }, staff);
    // Grants of the other part, written as its table has them: one paid after the lead, one before.
    const [fund] = await ctx.dataSource.query(
      `INSERT INTO relief_fund (kind, name, area_id, area_path, managing_office, budget_fen, balance_fen,
                                period_start, period_end, version)
       VALUES ('reserve', '备用金', $1, $2, '民政科', 100000, 100000, '2026-01-01', '2026-12-31', 1) RETURNING id`,
      [t.district.id, t.district.path],
    );
    for (const [household, paidAt] of [
      [helped.id, new Date(at.getTime() + 2 * HOUR)],
      [before.id, new Date(at.getTime() - 24 * HOUR)],
    ] as const)
      await ctx.dataSource.query(
        `INSERT INTO emergency_grant (household_id, area_path, fund_id, amount_fen, reason, status,
                                      decision_due_at, paid_at, version)
         VALUES ($1, $2, $3, 50000, '火灾', 'paid', $4, $4, 1)`,
        [household, t.communityA.path, fund.id, paidAt],
      );

    const report = await ctx
      .get(LeadReportService)
      .report({ from: '2026-11-10', to: '2026-11-10' }, staff);
    expect(report.rows.find((r) => r.source === 'reporter')).toEqual({
      source: 'reporter',
      reported: 3,
      triagedInTime: 2,
      linkedOrRegistered: 2,
      assisted: 1,
      closed: 1,
    });
    expect(report.rows.map((r) => r.source)).toEqual([
      'reporter',
      'staff',
      'assessor',
      'provider',
      'public',
    ]);
    expect(report.total.reported).toBe(3);
    // The day before holds none of them; staff of the other street see none either.
    expect(
      (await ctx.get(LeadReportService).report({ from: '2026-11-09', to: '2026-11-09' }, staff))
        .total.reported,
    ).toBe(0);
    const away = await ctx.factory.principal('civil_affairs', t.streetB);
    expect(
      (await ctx.get(LeadReportService).report({ from: '2026-11-10', to: '2026-11-10' }, away))
        .total.reported,
    ).toBe(0);
  });
});
