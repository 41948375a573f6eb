import { MatchingModule } from '@onedoor/matching';
import { Clock, type Principal } from '@onedoor/platform';
import {
  GrantDeadlinesService,
  GrantLimitsService,
  GrantsService,
  ReliefModule,
} from '@onedoor/relief';
import type { HouseholdEntity } from '@onedoor/households';
import type { District } from '../../../tests/factories';
import { reliefFund } from '../../../tests/factories/relief-grant';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const YUAN = 100;
const T0 = new Date('2026-12-02T02:00:00.000Z'); // 10:00 in Beijing

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

/**
 * Emergency grants on real PostgreSQL: a district with two streets, each with a community.
 * District staff are unlimited, street staff ¥5,000, community staff ¥1,000 by default.
 */
describe(GrantsService.name, () => {
  let ctx: ServiceContext;
  let sut: GrantsService;
  let limits: GrantLimitsService;
  let sweeper: GrantDeadlinesService;
  let clock: Clock;
  let tree: District;
  let districtStaff: Principal;
  let streetA: Principal;
  let streetB: Principal;
  let communityA: Principal;
  let assessorA: Principal;

  const sql = (text: string, params: unknown[] = []) => ctx.dataSource.query(text, params);
  const fund = (area: { id: string; path: string }, balanceFen: number, thresholdFen = 0) =>
    reliefFund(sql, { area, balanceFen, thresholdFen });
  const household = (community = tree.communityA): Promise<HouseholdEntity> =>
    ctx.factory.household({ community, tier: 'subsistence' });
  const requestOf = async (
    h: HouseholdEntity,
    fundId: string,
    amountFen: number,
    by: Principal = assessorA,
  ) =>
    sut.request(by, {
      householdId: h.id,
      fundId,
      amountFen,
      reason: '家中突发火灾，急需生活救助',
    });
  const balance = async (fundId: string) =>
    Number(
      (await sql(`SELECT balance_fen FROM relief_fund WHERE id = $1`, [fundId]))[0].balance_fen,
    );

  beforeAll(async () => {
    // Matching for the ledger's referral relation (the entities the app loads together).
    ctx = await startServices([MatchingModule, ReliefModule]);
    sut = ctx.get(GrantsService);
    limits = ctx.get(GrantLimitsService);
    sweeper = ctx.get(GrantDeadlinesService);
    clock = ctx.get(Clock);
    tree = await ctx.factory.district();
    districtStaff = await ctx.factory.principal('civil_affairs', tree.district);
    streetA = await ctx.factory.principal('civil_affairs', tree.streetA);
    streetB = await ctx.factory.principal('civil_affairs', tree.streetB);
    communityA = await ctx.factory.principal('civil_affairs', tree.communityA);
    assessorA = await ctx.factory.principal('assessor', tree.communityA);
  });
  beforeEach(() => {
    clock.now = () => T0;
  });
  afterAll(() => ctx.close());

  it('50 concurrent approvals against a fund that can pay 10: exactly 10 approved, 40 refused FUND_INSUFFICIENT, the balance exactly 0 and never negative while it runs', async () => {
    const fundId = await fund(tree.district, 10 * 500 * YUAN);
    const households = await Promise.all(Array.from({ length: 50 }, () => household()));
    const ids: string[] = [];
    for (const h of households) ids.push(await requestOf(h, fundId, 500 * YUAN));

    const seen: number[] = [];
    let running = true;
    const sampler = (async () => {
      while (running) {
        seen.push(await balance(fundId));
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const results = await Promise.allSettled(
      ids.map((id) => sut.approve(id, { note: '同意' }, districtStaff)),
    );
    running = false;
    await sampler;

    const approved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code: string }).code] : [],
    );
    expect(approved).toHaveLength(10);
    expect(refused).toEqual(Array(40).fill('FUND_INSUFFICIENT'));
    expect(await balance(fundId)).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);

    // Nothing of a refused approval was written: 10 movements, 10 approvals audited.
    const [{ movements, sum }] = await sql(
      `SELECT count(*)::int AS movements, sum(amount_fen)::bigint AS sum
         FROM relief_fund_movement WHERE fund_id = $1 AND kind = 'grant'`,
      [fundId],
    );
    expect(movements).toBe(10);
    expect(Number(sum)).toBe(-5000 * YUAN);
    const statuses = await sql(
      `SELECT status, count(*)::int AS n FROM emergency_grant WHERE id = ANY($1) GROUP BY status ORDER BY status`,
      [ids],
    );
    expect(statuses).toEqual([
      { status: 'requested', n: 40 },
      { status: 'approved', n: 10 },
    ]);
    const [{ audits }] = await sql(
      `SELECT count(*)::int AS audits FROM audit_log
        WHERE entity_type = 'emergency_grant' AND action = 'approve' AND entity_id = ANY($1)`,
      [ids],
    );
    expect(audits).toBe(10);
  });

  it('two officers approving one grant at once: one approves, the other finds it decided; the fund is debited once', async () => {
    const fundId = await fund(tree.district, 10_000 * YUAN);
    const id = await requestOf(await household(), fundId, 700 * YUAN);
    const [a, b] = await Promise.allSettled([
      sut.approve(id, {}, streetA),
      sut.approve(id, {}, districtStaff),
    ]);
    const outcomes = [a, b].map((r) =>
      r.status === 'fulfilled' ? r.value.status : (r.reason as { code: string }).code,
    );
    expect(outcomes.sort()).toEqual(['GRANT_STATE_CONFLICT', 'approved']);
    expect(await balance(fundId)).toBe(9_300 * YUAN);
  });

  it('two grants of one household approved at once: the household’s lock lets one through, the stacking rules refuse the other', async () => {
    // Ten households, two grants each, all twenty approvals at once: without the household's
    // lock both grants of a household read no other approved grant and both pass.
    const fundId = await fund(tree.district, 100_000 * YUAN);
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const h = await household();
        return [await requestOf(h, fundId, 500 * YUAN), await requestOf(h, fundId, 400 * YUAN)];
      }),
    );
    const results = await Promise.all(
      pairs.map(([first, second]) =>
        Promise.allSettled([
          sut.approve(first, {}, streetA),
          sut.approve(second, {}, districtStaff),
        ]),
      ),
    );
    for (const pair of results) {
      const outcomes = pair.map((r) =>
        r.status === 'fulfilled' ? r.value.status : (r.reason as { code: string }).code,
      );
      expect(outcomes.sort()).toEqual(['STACKING_CONFLICT', 'approved']);
    }
    const [{ approved }] = await sql(
      `SELECT count(*)::int AS approved FROM emergency_grant WHERE fund_id = $1 AND status = 'approved'`,
      [fundId],
    );
    expect(approved).toBe(10);
  });

  it('refuses a direct SQL overdraft on the CHECK', async () => {
    const fundId = await fund(tree.district, 100);
    await expect(
      sql(`UPDATE relief_fund SET balance_fen = -1 WHERE id = $1`, [fundId]),
    ).rejects.toThrow(/ck_relief_fund_balance/);
    expect(await balance(fundId)).toBe(100);
  });

  it('refuses above the approver’s delegated limit (403 naming it in yuan), and the level above approves it', async () => {
    const fundId = await fund(tree.district, 100_000 * YUAN);
    const h = await household();
    const id = await requestOf(h, fundId, 3_000 * YUAN);
    const view = await sut.get(id, communityA);
    expect(view).toMatchObject({
      approverLimitFen: 1_000 * YUAN,
      canApprove: false,
      reason: '家中突发火灾，急需生活救助',
    });
    // The family's situation is encrypted at rest, and not in the audit log.
    const [stored] = await sql(`SELECT reason FROM emergency_grant WHERE id = $1`, [id]);
    expect(stored.reason).not.toContain('火灾');
    const [audit] = await sql(
      `SELECT data::text AS data FROM audit_log WHERE entity_type = 'emergency_grant' AND entity_id = $1`,
      [id],
    );
    expect(audit.data).not.toContain('火灾');

    const refused = await failure(sut.approve(id, {}, communityA));
    expect(refused.code).toBe('GRANT_ABOVE_LIMIT');
    expect(refused.details).toMatchObject({ limitFen: 100_000, limitYuan: '¥1,000.00' });
    expect(refused.message).toContain('¥1,000.00');
    expect((await sut.get(id, streetA)).canApprove).toBe(true);

    const approved = await sut.approve(id, { amountFen: 2_500 * YUAN, note: '核减' }, streetA);
    expect(approved).toMatchObject({ status: 'approved', amountFen: 2_500 * YUAN });
    expect(await balance(fundId)).toBe(97_500 * YUAN);
  });

  it('a fund whose period has ended pays nothing more and is not offered', async () => {
    const ended = await reliefFund(sql, {
      area: tree.district,
      balanceFen: 100_000 * YUAN,
      periodEnd: '2020-12-31',
    });
    const h = await household();
    const refused = await failure(requestOf(h, ended, 500 * YUAN));
    expect(refused.code).toBe('FUND_PERIOD_ENDED');
    expect(refused.details).toMatchObject({ periodEnd: '2020-12-31' });
    const offered = await sut.fundsFor({ householdId: h.id }, assessorA);
    expect(offered.map((f) => f.id)).not.toContain(ended);
    // Requested while it ran, decided after it ended: refused, the balance untouched.
    const running = await fund(tree.district, 100_000 * YUAN);
    const id = await requestOf(h, running, 500 * YUAN);
    await sql(`UPDATE relief_fund SET period_end = '2020-12-31' WHERE id = $1`, [running]);
    expect((await failure(sut.approve(id, {}, streetA))).code).toBe('FUND_PERIOD_ENDED');
    expect(await balance(running)).toBe(100_000 * YUAN);
  });

  it('an area’s limit is set by staff above it, not by its own staff, and applies at once', async () => {
    const own = await failure(limits.set(communityA, tree.communityA.id, 10_000 * YUAN));
    expect(own.code).toBe('GRANT_LIMIT_FORBIDDEN');
    const outside = await failure(limits.set(streetB, tree.communityA.id, 10_000 * YUAN));
    expect(outside.code).toBe('AREA_NOT_FOUND');

    // A street (¥5,000) hands down at most its own limit: not more, not "unlimited".
    for (const above of [5_000 * YUAN + 1, null]) {
      const refused = await failure(limits.set(streetA, tree.communityA.id, above));
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.details).toEqual([
        expect.objectContaining({ field: 'maxFen', constraint: 'grantLimitAboveOwn' }),
      ]);
    }
    expect((await limits.limitOf(communityA)).maxFen).toBe(1_000 * YUAN);
    const set = await limits.set(streetA, tree.communityA.id, 3_000 * YUAN);
    expect(set).toMatchObject({ maxFen: 300_000, isDefault: false });
    expect((await limits.limitOf(communityA)).maxFen).toBe(3_000 * YUAN);
    const page = await limits.list(streetA, { page: 1, limit: 20 });
    expect(page.items.map((i) => [i.areaId, i.maxFen, i.isDefault, i.canEdit])).toEqual([
      [tree.streetA.id, 500_000, true, false],
      [tree.communityA.id, 300_000, false, true],
    ]);

    const fundId = await fund(tree.district, 100_000 * YUAN);
    const id = await requestOf(await household(), fundId, 2_000 * YUAN);
    expect((await sut.approve(id, {}, communityA)).status).toBe('approved');
    // Back to the level's default for the other tests.
    await sql(`DELETE FROM relief_grant_limit WHERE area_id = $1`, [tree.communityA.id]);
  });

  it('once per 12 months: another approved-unpaid grant, then the paid one in the ledger, refuse a second grant', async () => {
    const fundId = await fund(tree.district, 100_000 * YUAN);
    const h = await household();
    const first = await requestOf(h, fundId, 800 * YUAN);
    const second = await requestOf(h, fundId, 600 * YUAN);
    await sut.approve(first, {}, streetA);

    const pending = await failure(sut.approve(second, {}, streetA));
    expect(pending.code).toBe('STACKING_CONFLICT');
    expect(pending.details).toMatchObject({ rule: 'once_per_period', periodMonths: 12 });

    const paid = await sut.pay(first, { paymentNote: '银行转账 尾号1234' }, streetA);
    expect(paid.status).toBe('paid');
    const [entry] = await sql(
      `SELECT source, amount_fen, category_code, granted_by, frequency,
              to_char(starts_on, 'YYYY-MM-DD') AS day, area_path, tier
         FROM assistance_entry WHERE id = $1`,
      [paid.entryId],
    );
    const [f] = await sql(`SELECT managing_office FROM relief_fund WHERE id = $1`, [fundId]);
    expect(entry).toEqual({
      source: 'grant',
      amount_fen: '80000',
      category_code: 'emergency',
      granted_by: f.managing_office,
      frequency: 'one_off',
      day: '2026-12-02',
      area_path: tree.communityA.path,
      tier: 'subsistence',
    });
    expect((await failure(sut.approve(second, {}, streetA))).code).toBe('STACKING_CONFLICT');
    // Refused: the fund was not debited for it.
    expect(await balance(fundId)).toBe(99_200 * YUAN);

    // Thirteen months on, the period has passed.
    clock.now = () => new Date('2028-01-05T02:00:00.000Z');
    expect((await sut.approve(second, {}, streetA)).status).toBe('approved');
  });

  it('cancels an approved grant: rejected, the fund credited back once in the same transaction, the low spell ended, the household’s slot free again', async () => {
    const fundId = await fund(tree.district, 1_000 * YUAN, 500 * YUAN);
    const h = await household();
    const id = await requestOf(h, fundId, 600 * YUAN);
    await sut.approve(id, {}, streetA);
    expect(await balance(fundId)).toBe(400 * YUAN);
    const [low] = await sql(`SELECT low_since FROM relief_fund WHERE id = $1`, [fundId]);
    expect(low.low_since).not.toBeNull();

    // Two officers cancel at once: one does, the other finds it no longer approved.
    const results = await Promise.allSettled([
      sut.cancel(id, { reason: '多次联系家属未果，无法发放' }, streetA),
      sut.cancel(id, { reason: '误批' }, districtStaff),
    ]);
    const outcomes = results.map((r) =>
      r.status === 'fulfilled' ? r.value.status : (r.reason as { code: string }).code,
    );
    expect(outcomes.sort()).toEqual(['GRANT_STATE_CONFLICT', 'rejected']);
    const done = results.find((r) => r.status === 'fulfilled')!;
    expect((done as PromiseFulfilledResult<{ decisionNote: string }>).value.decisionNote).toMatch(
      /^撤销批准：/,
    );
    expect(await balance(fundId)).toBe(1_000 * YUAN);
    const [after] = await sql(`SELECT low_since FROM relief_fund WHERE id = $1`, [fundId]);
    expect(after.low_since).toBeNull();
    const movements = await sql(
      `SELECT kind, amount_fen, note FROM relief_fund_movement WHERE grant_id = $1 ORDER BY kind`,
      [id],
    );
    expect(movements).toEqual([
      { kind: 'grant', amount_fen: '-60000', note: '临时救助' },
      { kind: 'adjustment', amount_fen: '60000', note: '临时救助撤销' },
    ]);
    const audits = await sql(
      `SELECT action, from_state, to_state FROM audit_log
        WHERE entity_type = 'emergency_grant' AND entity_id = $1 AND action = 'cancel'`,
      [id],
    );
    expect(audits).toEqual([{ action: 'cancel', from_state: 'approved', to_state: 'rejected' }]);
    const events = await sql(
      `SELECT data->>'decision' AS decision FROM outbox_event
        WHERE type = 'grant.decided' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.map((e: { decision: string }) => e.decision)).toEqual([
      '已批准待发放',
      '撤销批准',
    ]);

    // A cancelled grant is not in the once-per-12-months count: another grant may be approved.
    const next = await requestOf(h, fundId, 300 * YUAN);
    expect((await sut.approve(next, {}, streetA)).status).toBe('approved');
    expect(await balance(fundId)).toBe(700 * YUAN);
  });

  it('cancel and pay of one grant at once: exactly one wins, the money is either paid or back in the fund, never both', async () => {
    const fundId = await fund(tree.district, 100_000 * YUAN);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await requestOf(await household(), fundId, 500 * YUAN);
      await sut.approve(id, {}, districtStaff);
      ids.push(id);
    }
    expect(await balance(fundId)).toBe(96_000 * YUAN);
    const results = await Promise.all(
      ids.map((id, i) => {
        const pay = () => sut.pay(id, { paymentNote: '现金' }, streetA);
        const cancel = () => sut.cancel(id, { reason: '家属联系不上' }, districtStaff);
        // Alternate who starts first.
        return Promise.allSettled(i % 2 ? [pay(), cancel()] : [cancel(), pay()]);
      }),
    );
    let paid = 0;
    for (const [i, pair] of results.entries()) {
      const outcomes = pair.map((r) =>
        r.status === 'fulfilled' ? r.value.status : (r.reason as { code: string }).code,
      );
      expect(outcomes.filter((o) => o === 'GRANT_STATE_CONFLICT')).toHaveLength(1);
      const [g] = await sql(
        `SELECT status, entry_id, (SELECT count(*)::int FROM relief_fund_movement m
                                    WHERE m.grant_id = g.id AND m.kind = 'adjustment') AS credits
           FROM emergency_grant g WHERE id = $1`,
        [ids[i]],
      );
      if (g.status === 'paid') {
        paid++;
        expect(g).toMatchObject({ credits: 0 });
        expect(g.entry_id).not.toBeNull();
      } else {
        expect(g).toMatchObject({ status: 'rejected', credits: 1, entry_id: null });
      }
    }
    const [{ entries }] = await sql(
      `SELECT count(*)::int AS entries FROM assistance_entry e
         JOIN emergency_grant g ON g.entry_id = e.id WHERE g.id = ANY($1)`,
      [ids],
    );
    expect(entries).toBe(paid);
    // Only the paid grants' money is out of the fund.
    expect(await balance(fundId)).toBe(100_000 * YUAN - paid * 500 * YUAN);
  });

  it('only an approved grant is cancelled: a requested or paid one is refused (409) and nothing is credited; an adviser cannot cancel', async () => {
    const fundId = await fund(tree.district, 10_000 * YUAN);
    const requested = await requestOf(await household(), fundId, 100 * YUAN);
    const one = await failure(sut.cancel(requested, { reason: '误批' }, streetA));
    expect(one.code).toBe('GRANT_STATE_CONFLICT');
    expect(one.details).toMatchObject({ status: 'requested' });

    const paid = await requestOf(await household(), fundId, 200 * YUAN);
    await sut.approve(paid, {}, streetA);
    expect((await failure(sut.cancel(paid, { reason: '误批' }, assessorA))).code).toBe('FORBIDDEN');
    await sut.pay(paid, { paymentNote: '现金' }, streetA);
    const two = await failure(sut.cancel(paid, { reason: '误批' }, streetA));
    expect(two.code).toBe('GRANT_STATE_CONFLICT');
    expect(two.details).toMatchObject({ status: 'paid', statusLabel: '已发放' });
    expect(await balance(fundId)).toBe(9_800 * YUAN);
    const [{ credits }] = await sql(
      `SELECT count(*)::int AS credits FROM relief_fund_movement
        WHERE fund_id = $1 AND kind = 'adjustment'`,
      [fundId],
    );
    expect(credits).toBe(0);
  });

  it('answers 404 outside the caller’s scope, alike for a grant, a household and a fund that exist elsewhere', async () => {
    const fundA = await fund(tree.streetA, 10_000 * YUAN);
    const fundB = await fund(tree.streetB, 10_000 * YUAN);
    const h = await household();
    const id = await requestOf(h, fundA, 100 * YUAN);
    for (const p of [
      sut.get(id, streetB),
      sut.approve(id, {}, streetB),
      sut.reject(id, { reason: '不符合' }, streetB),
      sut.pay(id, { paymentNote: '现金' }, streetB),
      sut.cancel(id, { reason: '误批' }, streetB),
    ])
      expect((await failure(p)).code).toBe('GRANT_NOT_FOUND');
    expect((await failure(sut.get('00000000-0000-4000-8000-000000000000', streetA))).code).toBe(
      'GRANT_NOT_FOUND',
    );
    expect((await failure(requestOf(h, fundA, 100 * YUAN, streetB))).code).toBe(
      'HOUSEHOLD_NOT_FOUND',
    );
    // Street B's fund does not pay for a household of street A.
    expect((await failure(requestOf(h, fundB, 100 * YUAN))).code).toBe('RELIEF_FUND_NOT_FOUND');
    const list = await sut.list({ page: 1, limit: 100 } as never, streetB);
    expect(list.items.map((g) => g.id)).not.toContain(id);
  });

  it('an adviser requests but does not decide; a rejected or paid grant is not decided again', async () => {
    const fundId = await fund(tree.district, 10_000 * YUAN);
    const id = await requestOf(await household(), fundId, 100 * YUAN);
    expect((await failure(sut.approve(id, {}, assessorA))).code).toBe('FORBIDDEN');
    expect((await failure(sut.pay(id, { paymentNote: '现金' }, streetA))).code).toBe(
      'GRANT_STATE_CONFLICT',
    );
    const rejected = await sut.reject(id, { reason: '已由其他渠道救助' }, streetA);
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '已由其他渠道救助' });
    const again = await failure(sut.approve(id, {}, streetA));
    expect(again.code).toBe('GRANT_STATE_CONFLICT');
    expect(again.details).toMatchObject({ status: 'rejected', statusLabel: '未批准' });
    expect(await balance(fundId)).toBe(10_000 * YUAN);
  });

  it('a closed fund pays nothing; a fund falling below its threshold notifies its area’s staff once per crossing', async () => {
    const closed = await reliefFund(sql, {
      area: tree.district,
      balanceFen: 10_000,
      status: 'closed',
    });
    expect((await failure(requestOf(await household(), closed, 100))).code).toBe('FUND_INACTIVE');

    const fundId = await fund(tree.district, 1_000 * YUAN, 500 * YUAN);
    const a = await requestOf(await household(), fundId, 300 * YUAN);
    const b = await requestOf(await household(), fundId, 300 * YUAN);
    const c = await requestOf(await household(), fundId, 100 * YUAN);
    await sut.approve(a, {}, streetA); // 700 left: above the threshold
    await sut.approve(b, {}, streetA); // 400 left: crossed
    await sut.approve(c, {}, streetA); // 300 left: still low, no second notice
    const notices = await sql(
      `SELECT audience, data->>'balanceFen' AS balance FROM outbox_event
        WHERE type = 'grant.fund_low' AND entity_id = $1`,
      [fundId],
    );
    expect(notices).toEqual([
      {
        audience: [{ roles: ['civil_affairs'], areaPath: tree.district.path }],
        balance: String(400 * YUAN),
      },
    ]);
  });

  it('escalates a grant not decided by its deadline (4 hours) to the area above, once, as the clock moves', async () => {
    const fundId = await fund(tree.district, 10_000 * YUAN);
    const id = await requestOf(await household(), fundId, 100 * YUAN);
    const [{ due }] = await sql(
      `SELECT decision_due_at AS due FROM emergency_grant WHERE id = $1`,
      [id],
    );
    expect(new Date(due).toISOString()).toBe('2026-12-02T06:00:00.000Z');
    const requested = await sql(
      `SELECT audience FROM outbox_event WHERE type = 'grant.requested' AND entity_id = $1`,
      [id],
    );
    expect(requested).toEqual([
      { audience: [{ roles: ['civil_affairs'], areaPath: tree.communityA.path }] },
    ]);

    const escalations = () =>
      sql(`SELECT audience FROM outbox_event WHERE type = 'grant.escalated' AND entity_id = $1`, [
        id,
      ]);
    clock.now = () => new Date('2026-12-02T05:59:00.000Z');
    await sweeper.sweep();
    expect(await escalations()).toEqual([]);

    clock.now = () => new Date('2026-12-02T06:01:00.000Z');
    expect((await sweeper.sweep()).escalated).toBeGreaterThanOrEqual(1);
    expect(await escalations()).toEqual([
      { audience: [{ roles: ['civil_affairs'], areaPath: tree.streetA.path }] },
    ]);
    expect((await sut.get(id, streetA)).escalatedAt).toBe('2026-12-02T06:01:00.000Z');
    expect((await sut.get(id, streetA)).overdue).toBe(true);
    // Recorded as the other staff steps record theirs: to whom it went.
    expect(
      await sql(`SELECT escalated_to_area_id AS "to" FROM emergency_grant WHERE id = $1`, [id]),
    ).toEqual([{ to: tree.streetA.id }]);

    clock.now = () => new Date('2026-12-02T09:00:00.000Z');
    await sweeper.sweep();
    expect(await escalations()).toHaveLength(1);
    const audit = await sql(
      `SELECT action FROM audit_log WHERE entity_type = 'emergency_grant' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['request', 'escalate']);
  });
});
