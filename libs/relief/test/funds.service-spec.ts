import {
  DonationsService,
  FundStatementsService,
  ReliefFundsService,
  ReliefModule,
} from '@onedoor/relief';
import { MatchingModule } from '@onedoor/matching';
import { Clock, type Principal } from '@onedoor/platform';
import type { District } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * Funds, donations and statements on real PostgreSQL: a district's reserve fund seen from its
 * streets, a street's donation fund, concurrent receipts of one pledge, and a statement
 * computed by hand with movements on both sides of the period's Beijing midnights.
 */
describe(ReliefFundsService.name, () => {
  let ctx: ServiceContext;
  let sut: ReliefFundsService;
  let donations: DonationsService;
  let statements: FundStatementsService;
  let clock: jest.SpyInstance<Date, []>;
  let tree: District;
  let districtStaff: Principal;
  let staffA: Principal;
  let staffB: Principal;
  let assessorA: Principal;
  let provider: Principal;

  const at = (iso: string) => clock.mockReturnValue(new Date(iso));

  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string; details?: Array<{ field: string; constraint: string }> };
    }
    throw new Error('expected a refusal');
  };

  const fundBody = (over: Record<string, unknown> = {}) =>
    ({
      kind: 'reserve',
      name: `临时救助备用金 ${Math.random().toString(36).slice(2, 8)}`,
      areaId: tree.district.id,
      managingOffice: '和平区民政局社会救助科',
      budgetFen: 50_000_000,
      thresholdFen: 5_000_000,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      ...over,
    }) as never;

  const pledgeBody = (over: Record<string, unknown> = {}) =>
    ({
      donorKind: 'enterprise',
      donorName: '和平区爱心企业',
      donorPhone: '13812345678',
      amountFen: 100_000,
      ...over,
    }) as never;

  beforeAll(async () => {
    // The ledger's entities reference matching's referral: the module set the processes load.
    ctx = await startServices([MatchingModule, ReliefModule]);
    sut = ctx.get(ReliefFundsService);
    donations = ctx.get(DonationsService);
    statements = ctx.get(FundStatementsService);
    clock = jest.spyOn(ctx.get(Clock), 'now');
    clock.mockImplementation(() => new Date());
    const f = ctx.factory;
    tree = await f.district();
    districtStaff = await f.principal('civil_affairs', tree.district);
    staffA = await f.principal('civil_affairs', tree.streetA);
    staffB = await f.principal('civil_affairs', tree.streetB);
    assessorA = await f.principal('assessor', tree.communityA);
    const org = await f.provider(tree.streetA);
    provider = await f.principal('provider', tree.streetA, org.id);
  });
  afterAll(() => ctx.close());

  it('creates a fund with its opening movement and audit row; staff cannot create one above their scope', async () => {
    const fund = await sut.create(fundBody(), districtStaff);
    expect(fund).toMatchObject({
      kind: 'reserve',
      budgetFen: 50_000_000,
      balanceFen: 50_000_000,
      belowThreshold: false,
      status: 'active',
      canManage: true,
      version: 1,
    });
    const movements = await ctx.dataSource.query(
      `SELECT kind, amount_fen FROM relief_fund_movement WHERE fund_id = $1`,
      [fund.id],
    );
    expect(movements).toEqual([{ kind: 'opening', amount_fen: '50000000' }]);
    const audit = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'relief_fund' AND entity_id = $1`,
      [fund.id],
    );
    expect(audit).toEqual([{ action: 'create' }]);

    const refused = await failure(sut.create(fundBody(), staffA));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.details).toEqual([
      expect.objectContaining({ field: 'areaId', constraint: 'fundArea' }),
    ]);
    const period = await failure(
      sut.create(fundBody({ areaId: tree.streetA.id, periodEnd: '2025-12-31' }), staffA),
    );
    expect(period.details).toEqual([
      expect.objectContaining({ field: 'periodEnd', constraint: 'fundPeriod' }),
    ]);
  });

  it('shows a street its own funds and those above it, never a sibling street’s; only the fund’s own staff change it', async () => {
    const districtFund = await sut.create(fundBody(), districtStaff);
    const fundA = await sut.create(fundBody({ areaId: tree.streetA.id, kind: 'donation' }), staffA);
    const fundB = await sut.create(fundBody({ areaId: tree.streetB.id }), staffB);

    const seenByA = (await sut.list({ page: 1, limit: 100 } as never, staffA)).items.map(
      (f) => f.id,
    );
    expect(seenByA).toEqual(expect.arrayContaining([districtFund.id, fundA.id]));
    expect(seenByA).not.toContain(fundB.id);
    const seenByDistrict = (await sut.list({ page: 1, limit: 100 } as never, districtStaff)).items;
    expect(seenByDistrict.map((f) => f.id)).toEqual(
      expect.arrayContaining([districtFund.id, fundA.id, fundB.id]),
    );

    expect((await sut.get(districtFund.id, assessorA)).canManage).toBe(false);
    expect((await failure(sut.get(fundB.id, staffA))).code).toBe('RELIEF_FUND_NOT_FOUND');
    expect((await failure(sut.get('00000000-0000-4000-8000-000000000000', staffA))).code).toBe(
      'RELIEF_FUND_NOT_FOUND',
    );
    expect((await failure(sut.get(fundA.id, provider))).code).toBe('RELIEF_FUND_NOT_FOUND');
    // Seen (the district's fund pays street A's families) but not street A's to change.
    expect(
      (await failure(sut.allocate(districtFund.id, { amountFen: 100 } as never, staffA))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(sut.update(fundB.id, { version: 1, name: 'x' } as never, staffA))).code,
    ).toBe('RELIEF_FUND_NOT_FOUND');
  });

  it('tops up, edits with the version read, clears the low mark when the balance is back above the threshold, and closes', async () => {
    const fund = await sut.create(
      fundBody({ budgetFen: 100_000, thresholdFen: 500_000 }),
      districtStaff,
    );
    expect(fund).toMatchObject({ belowThreshold: true, lowSince: expect.any(String) });
    const topped = await sut.allocate(
      fund.id,
      { amountFen: 400_000, note: '追加' } as never,
      districtStaff,
    );
    expect(topped).toMatchObject({ balanceFen: 500_000, belowThreshold: false, lowSince: null });
    expect(topped.version).toBe(1); // a credit does not make an editor's form stale

    const edited = await sut.update(
      fund.id,
      { version: 1, name: '改名后的备用金', thresholdFen: 600_000 } as never,
      districtStaff,
    );
    expect(edited).toMatchObject({ name: '改名后的备用金', thresholdFen: 600_000, version: 2 });
    expect(
      (await failure(sut.update(fund.id, { version: 1, name: 'y' } as never, districtStaff))).code,
    ).toBe('STALE_VERSION');
    const closed = await sut.update(
      fund.id,
      { version: 2, status: 'closed' } as never,
      districtStaff,
    );
    expect(closed.status).toBe('closed');
    expect(
      (await failure(sut.allocate(fund.id, { amountFen: 1 } as never, districtStaff))).code,
    ).toBe('RELIEF_FUND_CLOSED');
    const audit = await ctx.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'relief_fund' AND entity_id = $1 ORDER BY id`,
      [fund.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'allocate',
      'update',
      'close',
    ]);
  });

  it('takes ten allocations at once, each credited once, and lets one of two edits from the same version through', async () => {
    const fund = await sut.create(fundBody({ budgetFen: 0, thresholdFen: 0 }), districtStaff);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sut.allocate(fund.id, { amountFen: 1_000 + i } as never, districtStaff),
      ),
    );
    expect((await sut.get(fund.id, districtStaff)).balanceFen).toBe(10_045);
    const [{ n, sum }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n, sum(amount_fen)::int AS sum FROM relief_fund_movement WHERE fund_id = $1 AND kind = 'allocation'`,
      [fund.id],
    );
    expect({ n, sum }).toEqual({ n: 10, sum: 10_045 });

    const edits = await Promise.allSettled([
      sut.update(fund.id, { version: 1, name: '甲' } as never, districtStaff),
      sut.update(fund.id, { version: 1, name: '乙' } as never, districtStaff),
    ]);
    expect(edits.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      edits
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => (r.reason as { code: string }).code),
    ).toEqual(['STALE_VERSION']);
  });

  describe(DonationsService.name, () => {
    it('pledges with the phone encrypted and masked, receives into the balance with a movement, and cancels with a reason', async () => {
      const fund = await sut.create(
        fundBody({ kind: 'donation', areaId: tree.streetA.id, budgetFen: 0, thresholdFen: 0 }),
        staffA,
      );
      const pledge = await donations.pledge(fund.id, pledgeBody({ amountFen: 250_000 }), staffA);
      expect(pledge).toMatchObject({
        status: 'pledged',
        donorPhone: '138****5678',
        amountFen: 250_000,
      });
      const [stored] = await ctx.dataSource.query(
        `SELECT donor_phone_enc, donor_phone_hmac FROM donation WHERE id = $1`,
        [pledge.id],
      );
      expect(stored.donor_phone_enc).not.toContain('13812345678');
      expect(stored.donor_phone_hmac).toMatch(/^[0-9a-f]{64}$/);

      const received = await donations.receive(
        pledge.id,
        { receiptNumber: 'JZ-001' } as never,
        staffA,
      );
      expect(received).toMatchObject({ status: 'received', receiptNumber: 'JZ-001' });
      expect((await sut.get(fund.id, staffA)).balanceFen).toBe(250_000);
      expect(
        (await failure(donations.cancel(pledge.id, { reason: 'x' } as never, staffA))).code,
      ).toBe('DONATION_NOT_PLEDGED');

      const second = await donations.pledge(fund.id, pledgeBody({ amountFen: 10_000 }), staffA);
      const cancelled = await donations.cancel(
        second.id,
        { reason: '捐赠方撤回' } as never,
        staffA,
      );
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '捐赠方撤回' });
      expect((await sut.get(fund.id, staffA)).balanceFen).toBe(250_000);
      const audit = await ctx.dataSource.query(
        `SELECT action FROM audit_log WHERE entity_type = 'donation' AND entity_id IN ($1, $2) ORDER BY id`,
        [pledge.id, second.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'pledge',
        'receive',
        'pledge',
        'cancel',
      ]);
      // Staff of another street neither see nor touch it.
      expect((await failure(donations.receive(second.id, {} as never, staffB))).code).toBe(
        'DONATION_NOT_FOUND',
      );
    });

    it('credits once when the same pledge is received ten times at once', async () => {
      const fund = await sut.create(
        fundBody({ kind: 'donation', areaId: tree.streetA.id, budgetFen: 1_000, thresholdFen: 0 }),
        staffA,
      );
      const pledge = await donations.pledge(fund.id, pledgeBody({ amountFen: 77_700 }), staffA);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => donations.receive(pledge.id, {} as never, staffA)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refusals.map((r) => (r.reason as { code: string }).code)).toEqual(
        Array(9).fill('DONATION_NOT_PLEDGED'),
      );
      expect((await sut.get(fund.id, staffA)).balanceFen).toBe(78_700);
      const [{ n }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM relief_fund_movement WHERE donation_id = $1`,
        [pledge.id],
      );
      expect(n).toBe(1);
    });

    it('lets one of a receipt and a cancellation of the same pledge at once through, the balance matching the winner', async () => {
      const fund = await sut.create(
        fundBody({ kind: 'donation', areaId: tree.streetA.id, budgetFen: 0, thresholdFen: 0 }),
        staffA,
      );
      const pledge = await donations.pledge(fund.id, pledgeBody({ amountFen: 5_000 }), staffA);
      const [received, cancelled] = await Promise.allSettled([
        donations.receive(pledge.id, {} as never, staffA),
        donations.cancel(pledge.id, { reason: '撤回' } as never, staffA),
      ]);
      expect([received.status, cancelled.status].sort()).toEqual(['fulfilled', 'rejected']);
      const loser = [received, cancelled].find(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      )!;
      expect((loser.reason as { code: string }).code).toBe('DONATION_NOT_PLEDGED');
      const final = await donations.get(pledge.id, staffA);
      expect((await sut.get(fund.id, staffA)).balanceFen).toBe(
        final.status === 'received' ? 5_000 : 0,
      );
    });

    it('takes a restricted donation only into a fund its restriction holds for, and none into a reserve fund', async () => {
      const medical = await sut.create(
        fundBody({ kind: 'donation', areaId: tree.streetA.id, restrictedCategoryCode: 'medical' }),
        staffA,
      );
      const open = await sut.create(
        fundBody({ kind: 'donation', areaId: tree.streetA.id }),
        staffA,
      );
      const reserve = await sut.create(fundBody({ areaId: tree.streetA.id }), staffA);

      await expect(
        donations.pledge(medical.id, pledgeBody({ restrictedCategoryCode: 'medical' }), staffA),
      ).resolves.toMatchObject({ restrictedCategoryCode: 'medical' });
      const category = await failure(
        donations.pledge(open.id, pledgeBody({ restrictedCategoryCode: 'medical' }), staffA),
      );
      expect(category.details).toEqual([
        expect.objectContaining({
          field: 'restrictedCategoryCode',
          constraint: 'donationCategory',
        }),
      ]);
      await expect(
        donations.pledge(open.id, pledgeBody({ restrictedAreaId: tree.district.id }), staffA),
      ).resolves.toMatchObject({ restrictedAreaId: tree.district.id });
      const area = await failure(
        donations.pledge(open.id, pledgeBody({ restrictedAreaId: tree.streetB.id }), staffA),
      );
      expect(area.details).toEqual([
        expect.objectContaining({ field: 'restrictedAreaId', constraint: 'donationArea' }),
      ]);
      expect((await failure(donations.pledge(reserve.id, pledgeBody(), staffA))).code).toBe(
        'RELIEF_FUND_NOT_DONATION_FUND',
      );
    });
  });

  describe(FundStatementsService.name, () => {
    it('computes a March statement by hand, with movements on both sides of each Beijing midnight', async () => {
      // Created on 28 February (Beijing) with ¥10,000.00.
      at('2026-02-28T02:00:00Z');
      const fund = await sut.create(
        fundBody({
          kind: 'donation',
          areaId: tree.streetA.id,
          budgetFen: 1_000_000,
          thresholdFen: 0,
        }),
        staffA,
      );
      // 23:59:59.999 on 28 Feb Beijing: before the period, so in the opening balance.
      at('2026-02-28T15:59:59.999Z');
      await sut.allocate(fund.id, { amountFen: 200_000 } as never, staffA);
      // Exactly Beijing midnight, 1 March: the period's first instant.
      const d1 = await donations.pledge(fund.id, pledgeBody({ amountFen: 50_000 }), staffA);
      at('2026-02-28T16:00:00Z');
      await donations.receive(d1.id, {} as never, staffA);
      // A grant (the grants part debits; here its movement and debit by hand), its approval
      // cancelled (credited back as an adjustment), and a correction.
      await ctx.dataSource.query(
        `INSERT INTO relief_fund_movement (fund_id, kind, amount_fen, note, occurred_at)
         VALUES ($1, 'grant', -300000, '临时救助', '2026-03-15T10:00:00+08:00'),
                ($1, 'grant', -20000, '临时救助', '2026-03-16T10:00:00+08:00'),
                ($1, 'adjustment', 20000, '临时救助撤销', '2026-03-17T10:00:00+08:00'),
                ($1, 'adjustment', -1234, '更正', '2026-03-31T23:59:59+08:00')`,
        [fund.id],
      );
      at('2026-03-20T01:00:00Z');
      await sut.allocate(fund.id, { amountFen: 80_000, note: '追加拨款' } as never, staffA);
      // Exactly Beijing midnight, 1 April: after the period.
      at('2026-03-31T16:00:00Z');
      await sut.allocate(fund.id, { amountFen: 999_999 } as never, staffA);
      const d2 = await donations.pledge(fund.id, pledgeBody({ amountFen: 7_000 }), staffA);
      await donations.receive(d2.id, {} as never, staffA);
      clock.mockImplementation(() => new Date());

      const s = await statements.statement(
        fund.id,
        { from: '2026-03-01', to: '2026-03-31' },
        assessorA,
      );
      // Opening: 10,000.00 + 2,000.00 = 12,000.00. In March: +500.00 donation, -3,000.00 and
      // -200.00 grants, +200.00 the second's cancellation, +800.00 allocation, -12.34
      // adjustment. Grants -3,200.00, adjustments +187.66. Closing: 12,000.00 + 500.00
      // - 3,200.00 + 800.00 + 187.66 = 10,287.66.
      expect(s).toMatchObject({
        openingBalanceFen: 1_200_000,
        budgetFen: 0,
        allocationsFen: 80_000,
        donationsFen: 50_000,
        grantsFen: -320_000,
        adjustmentsFen: 18_766,
        closingBalanceFen: 1_028_766,
      });
      expect(s.lines.map((l) => [l.kind, l.amountFen, l.balanceAfterFen])).toEqual([
        ['donation', 50_000, 1_250_000],
        ['grant', -300_000, 950_000],
        ['grant', -20_000, 930_000],
        ['adjustment', 20_000, 950_000],
        ['allocation', 80_000, 1_030_000],
        ['adjustment', -1_234, 1_028_766],
      ]);
      // February holds the opening budget and the allocation at its last instant.
      const feb = await statements.statement(
        fund.id,
        { from: '2026-02-01', to: '2026-02-28' },
        staffA,
      );
      expect(feb).toMatchObject({
        openingBalanceFen: 0,
        budgetFen: 1_000_000,
        allocationsFen: 200_000,
        closingBalanceFen: 1_200_000,
      });
      const refused = await failure(
        statements.statement(fund.id, { from: '2026-03-31', to: '2026-03-01' }, staffA),
      );
      expect(refused.details).toEqual([
        expect.objectContaining({ field: 'to', constraint: 'statementPeriod' }),
      ]);
      expect(
        (
          await failure(
            statements.statement(fund.id, { from: '2026-03-01', to: '2026-03-31' }, staffB),
          )
        ).code,
      ).toBe('RELIEF_FUND_NOT_FOUND');
    });
  });
});
