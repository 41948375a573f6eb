import { AssistanceEntriesService } from '@onedoor/ledger';
import { MatchingModule, ReferralsService } from '@onedoor/matching';
import { Clock, PiiCipher, type Principal, TransactionRunner } from '@onedoor/platform';
import type { HouseholdEntity } from '@onedoor/households';
import type { ProviderEntity } from '@onedoor/resources';
import { type District, newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * A street's civil-affairs bureau (a government provider at home in street A) records help it
 * gave outside OneDoor; a household of street A is within its reach, one of street B is not.
 * Staff of street A record naming the granting organization. Deliveries of OneDoor referrals
 * enter the ledger in the delivery's transaction, once.
 */
describe(AssistanceEntriesService.name, () => {
  let ctx: ServiceContext;
  let sut: AssistanceEntriesService;
  let tree: District;
  let bureau: ProviderEntity;
  let bureauUser: Principal;
  let charityUser: Principal;
  let staffA: Principal;
  let staffB: Principal;
  let assessorA: Principal;
  let home: HouseholdEntity;
  let away: HouseholdEntity;
  const childId = newIdNumber('2012-03-04', 'female');
  const awayHeadId = newIdNumber('1975-05-05');

  const body = (over: Record<string, unknown> = {}) =>
    ({
      householdId: home.id,
      categoryCode: 'basic_living',
      title: '临时救助',
      form: 'cash',
      frequency: 'one_off',
      amountFen: 150_000,
      startsOn: '2026-10-03',
      ...over,
    }) as never;

  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string; details?: Array<{ field: string; constraint: string }> };
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    ctx = await startServices([MatchingModule]);
    sut = ctx.get(AssistanceEntriesService);
    const f = ctx.factory;
    tree = await f.district();
    bureau = await f.provider(tree.streetA, {
      kind: 'government',
      name: `和平区民政局 ${tree.streetA.id.slice(0, 4)}`,
    });
    bureauUser = await f.principal('provider', tree.streetA, bureau.id);
    const charity = await f.provider(tree.streetA);
    charityUser = await f.principal('provider', tree.streetA, charity.id);
    staffA = await f.principal('civil_affairs', tree.streetA);
    staffB = await f.principal('civil_affairs', tree.streetB);
    assessorA = await f.principal('assessor', tree.communityA);
    home = await f.household({
      community: tree.communityA,
      tier: 'subsistence',
      residency: 'non_local',
      members: [{}, { idNumber: childId, relation: 'child' }],
    });
    away = await f.household({ community: tree.communityB, members: [{ idNumber: awayHeadId }] });
  });
  afterAll(() => ctx.close());

  it('records a provider’s benefit within its reach, as its organization, copying the household’s area, tier and residency, with its audit row', async () => {
    const entry = await sut.record(body({ note: '因病' }), bureauUser);
    expect(entry).toMatchObject({
      householdId: home.id,
      source: 'entry',
      providerId: bureau.id,
      grantedBy: bureau.name,
      amountFen: 150_000,
      startsOn: '2026-10-03',
      endsOn: '2026-10-03',
      status: 'active',
      headName: null, // a provider is not shown whose household it is
    });
    const [row] = await ctx.dataSource.query(
      `SELECT area_path, tier, residency, recorded_by_id FROM assistance_entry WHERE id = $1`,
      [entry.id],
    );
    expect(row).toEqual({
      area_path: tree.communityA.path,
      tier: 'subsistence',
      residency: 'non_local',
      recorded_by_id: bureauUser.userId,
    });
    const audit = await ctx.dataSource.query(
      `SELECT action, data->>'householdId' AS household FROM audit_log WHERE entity_type = 'assistance_entry' AND entity_id = $1`,
      [entry.id],
    );
    expect(audit).toEqual([{ action: 'record', household: home.id }]);
  });

  it('refuses a household outside the provider’s reach with the 404 of a missing one', async () => {
    expect((await failure(sut.record(body({ householdId: away.id }), bureauUser))).code).toBe(
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    expect(
      (
        await failure(
          sut.record(body({ householdId: '00000000-0000-4000-8000-000000000000' }), bureauUser),
        )
      ).code,
    ).toBe('ASSISTANCE_HOUSEHOLD_NOT_FOUND');
    expect((await failure(sut.record(body({ householdId: home.id }), staffB))).code).toBe(
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
  });

  it('finds the household by a member’s identity number through its digest, and answers alike for no one and someone out of reach', async () => {
    const entry = await sut.record(
      body({
        householdId: undefined,
        idNumber: childId.toLowerCase(),
        title: '助学金',
        categoryCode: 'education',
      }),
      bureauUser,
    );
    const member = home.members!.find((m) => m.relation === 'child')!;
    expect(entry.householdId).toBe(home.id);
    const [row] = await ctx.dataSource.query(
      `SELECT member_id FROM assistance_entry WHERE id = $1`,
      [entry.id],
    );
    expect(row.member_id).toBe(member.id);
    const outOfReach = await failure(
      sut.record(body({ householdId: undefined, idNumber: awayHeadId }), bureauUser),
    );
    const nobody = await failure(
      sut.record(body({ householdId: undefined, idNumber: newIdNumber('1990-01-01') }), bureauUser),
    );
    expect(outOfReach.code).toBe('ASSISTANCE_PERSON_NOT_FOUND');
    expect(nobody).toEqual(outOfReach);
    // Staff of street B reach the away household by the same number.
    const byStaff = await sut.record(
      body({
        householdId: undefined,
        idNumber: awayHeadId,
        grantedBy: '市卫健委',
        form: 'service',
        amountFen: undefined,
      }),
      staffB,
    );
    expect(byStaff).toMatchObject({
      householdId: away.id,
      providerId: null,
      grantedBy: '市卫健委',
      amountFen: null,
    });
  });

  it('finds no one by the identity number of a household that has exited, as for someone never registered', async () => {
    const leftId = newIdNumber('1950-08-08');
    await ctx.factory.household({
      community: tree.communityA,
      status: 'exited',
      members: [{ idNumber: leftId }],
    });
    const refused = await failure(
      sut.record(body({ householdId: undefined, idNumber: leftId }), bureauUser),
    );
    expect(refused.code).toBe('ASSISTANCE_PERSON_NOT_FOUND');
    const count = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM assistance_entry e JOIN household_member m ON m.id = e.member_id
        WHERE m.household_id IN (SELECT household_id FROM household_member WHERE id_hmac = $1)`,
      [ctx.get(PiiCipher).digest(leftId)],
    );
    expect(count).toEqual([{ n: 0 }]);
  });

  it('lets staff in scope record for another organization, named or a verified provider, and refuses assessors', async () => {
    const named = await sut.record(
      body({ grantedBy: '市卫健委', categoryCode: 'medical' }),
      staffA,
    );
    expect(named).toMatchObject({
      providerId: null,
      grantedBy: '市卫健委',
      headName: expect.any(String),
    });
    const asBureau = await sut.record(body({ providerId: bureau.id }), staffA);
    expect(asBureau).toMatchObject({ providerId: bureau.id, grantedBy: bureau.name });
    const noOrg = await failure(sut.record(body(), staffA));
    expect(noOrg.details).toEqual([
      expect.objectContaining({ field: 'grantedBy', constraint: 'grantingOrg' }),
    ]);
    expect((await failure(sut.record(body({ grantedBy: 'x' }), assessorA))).code).toBe('FORBIDDEN');
  });

  it('holds a one-off to one day, a monthly period forwards, cash to an amount, a need to the household', async () => {
    const codes = async (over: Record<string, unknown>) =>
      ((await failure(sut.record(body(over), bureauUser))).details ?? []).map(
        (d) => `${d.field}:${d.constraint}`,
      );
    expect(await codes({ endsOn: '2026-10-04' })).toEqual(['endsOn:oneOffPeriod']);
    expect(
      await codes({ frequency: 'monthly', startsOn: '2026-10-01', endsOn: '2026-09-30' }),
    ).toEqual(['endsOn:notBefore']);
    expect(await codes({ amountFen: undefined })).toEqual(['amountFen:required']);
    expect(await codes({ categoryCode: 'no_such_thing' })).toEqual([
      'categoryCode:unknownCategory',
    ]);
    const [{ id: template }] = await ctx.dataSource.query(
      `SELECT id FROM assessment_template LIMIT 1`,
    );
    const [{ id: assessment }] = await ctx.dataSource.query(
      `INSERT INTO assessment (household_id, template_id, status, assessor_id) VALUES ($1, $2, 'draft', $3) RETURNING id`,
      [away.id, template, assessorA.userId],
    );
    const [{ id: awayNeed }] = await ctx.dataSource.query(
      `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status)
       VALUES ($1, $2, 'care', 3, 'normal', 'assessment', 'open') RETURNING id`,
      [away.id, assessment],
    );
    expect(await codes({ needId: awayNeed })).toEqual(['needId:unknownNeed']);

    const sameDay = await sut.record(body({ endsOn: '2026-10-03' }), bureauUser);
    expect(sameDay.endsOn).toBe('2026-10-03');
    const running = await sut.record(
      body({
        frequency: 'monthly',
        title: '最低生活保障',
        amountFen: 80_000,
        startsOn: '2026-01-01',
      }),
      bureauUser,
    );
    expect(running).toMatchObject({ frequency: 'monthly', startsOn: '2026-01-01', endsOn: null });
  });

  it('voids an entry by its organization or staff in scope, keeps it in the history marked, and only once', async () => {
    const entry = await sut.record(body({ title: '重复登记的临时救助' }), bureauUser);
    expect((await failure(sut.void(entry.id, { reason: 'x' }, charityUser))).code).toBe(
      'ASSISTANCE_ENTRY_NOT_FOUND',
    );
    expect((await failure(sut.void(entry.id, { reason: 'x' }, staffB))).code).toBe(
      'ASSISTANCE_ENTRY_NOT_FOUND',
    );
    expect((await failure(sut.void(entry.id, { reason: 'x' }, assessorA))).code).toBe('FORBIDDEN');
    const voided = await sut.void(entry.id, { reason: '重复登记' }, bureauUser);
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复登记' });
    expect((await failure(sut.void(entry.id, { reason: 'again' }, staffA))).code).toBe(
      'ASSISTANCE_ENTRY_VOIDED',
    );
    const history = await sut.history(home.id, staffA);
    expect(history.items.find((i) => i.entryId === entry.id)).toMatchObject({
      state: 'voided',
      voidReason: '重复登记',
    });
    const [audit] = await ctx.dataSource.query(
      `SELECT reason, data->>'householdId' AS household FROM audit_log
        WHERE entity_type = 'assistance_entry' AND entity_id = $1 AND action = 'void'`,
      [entry.id],
    );
    expect(audit).toEqual({ reason: '重复登记', household: home.id });
  });

  it('shows a provider only its own organization’s part of the history, and 404 outside its reach', async () => {
    await sut.record(body({ title: '慈善物资', form: 'in_kind', amountFen: 20_000 }), charityUser);
    const mine = await sut.history(home.id, charityUser);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.grantedBy !== bureau.name)).toBe(true);
    const all = await sut.history(home.id, assessorA);
    expect(all.items.some((i) => i.grantedBy === bureau.name)).toBe(true);
    expect((await failure(sut.history(away.id, charityUser))).code).toBe(
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
    expect((await failure(sut.history(home.id, staffB))).code).toBe(
      'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    );
  });

  it('waits for the household’s lock before writing: an approval holding it sees the entry or decides before it exists', async () => {
    // An approval's transaction, as StackingRepository.lockHousehold takes it.
    const approval = ctx.dataSource.createQueryRunner();
    await approval.connect();
    await approval.startTransaction();
    try {
      await approval.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`household:${home.id}`]);
      const title = `锁等待 ${Date.now()}`;
      let settled = false;
      const recording = sut.record(body({ title }), bureauUser).finally(() => {
        settled = true;
      });
      // Until record() waits on the lock the approval holds (or has finished: the bug).
      const [{ pid }] = await approval.query('SELECT pg_backend_pid() AS pid');
      const waiting = async () =>
        (
          await ctx.dataSource.query(
            `SELECT 1 FROM pg_locks w JOIN pg_locks h
                 USING (locktype, database, classid, objid, objsubid)
              WHERE locktype = 'advisory' AND NOT w.granted AND h.granted AND h.pid = $1`,
            [pid],
          )
        ).length > 0;
      for (let i = 0; i < 100 && !settled && !(await waiting()); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(settled).toBe(false);
      const before = await ctx.dataSource.query(
        `SELECT 1 FROM assistance_entry WHERE household_id = $1 AND title = $2`,
        [home.id, title],
      );
      expect(before).toEqual([]);
      await approval.commitTransaction();
      const entry = await recording;
      expect(entry).toMatchObject({ householdId: home.id, title, status: 'active' });
    } finally {
      if (approval.isTransactionActive) await approval.rollbackTransaction();
      await approval.release();
    }
  });

  describe('deliveries', () => {
    let referrals: ReferralsService;
    let deliverer: Principal;
    const resourceValue = 50_000;

    /** An accepted referral of a fresh cash resource of the charity (one unit reserved). */
    const acceptedReferral = async () => {
      const f = ctx.factory;
      const provider = await f.provider(tree.district, {
        name: `慈善会 ${Math.random().toString(36).slice(2, 6)}`,
      });
      deliverer = await f.principal('provider', tree.district, provider.id);
      const resource = await f.resource(provider, tree.district, {
        categoryCode: 'medical',
        form: 'cash',
        valuePerUnitFen: resourceValue,
        reserved: 1,
      } as never);
      const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params);
      const [{ id: template }] = await q(`SELECT id FROM assessment_template LIMIT 1`, []);
      const [{ id: assessment }] = await q(
        `INSERT INTO assessment (household_id, template_id, status, assessor_id) VALUES ($1, $2, 'draft', $3) RETURNING id`,
        [home.id, template, assessorA.userId],
      );
      const [{ id: needId }] = await q(
        `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source, status)
         VALUES ($1, $2, 'medical', 3, 'normal', 'assessment', 'matched') RETURNING id`,
        [home.id, assessment],
      );
      const [{ id: proposal }] = await q(
        `INSERT INTO match_proposal (need_id, household_id, resource_id, assessment_id, status, score, rank, urgency, category_code, explanation)
         VALUES ($1, $2, $3, $4, 'approved', 0.9, 1, 'normal', 'medical', '{}') RETURNING id`,
        [needId, home.id, resource.id, assessment],
      );
      const [{ id }] = await q(
        `INSERT INTO referral (proposal_id, need_id, household_id, resource_id, provider_id, area_path, status, urgency,
                               category_code, accept_due_at, deliver_due_at, accepted_at, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, 'accepted', 'normal', 'medical', now() + interval '3 days',
                 now() + interval '9 days', now(), $7) RETURNING id`,
        [
          proposal,
          needId,
          home.id,
          resource.id,
          provider.id,
          tree.communityA.path,
          // Only what the referral's detail view reads back: who approved it, the household.
          {
            decidedBy: {
              userId: staffA.userId,
              username: staffA.username,
              role: 'civil_affairs',
              areaId: staffA.areaId,
            },
            household: {
              id: home.id,
              tier: 'subsistence',
              areaPath: tree.communityA.path,
              facts: {},
            },
          },
        ],
      );
      return { id: id as string, needId: needId as string, resource, provider };
    };

    const entriesOf = (referralId: string) =>
      ctx.dataSource.query(
        `SELECT source, need_id, provider_id, granted_by, resource_id, title, form, frequency,
                amount_fen, units, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
                to_char(ends_on, 'YYYY-MM-DD') AS ends_on, area_path, tier, residency, recorded_by_id
           FROM assistance_entry WHERE referral_id = $1`,
        [referralId],
      );

    beforeAll(() => {
      referrals = ctx.get(ReferralsService);
      // 17:30 UTC is 01:30 the next day in Beijing: the entry's date is Beijing's.
      jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date('2026-10-02T17:30:00Z'));
    });
    afterAll(() => jest.restoreAllMocks());

    it('writes exactly one entry for the amount delivered, on the Beijing date, and a retry adds none', async () => {
      const r = await acceptedReferral();
      const history = await sut.history(home.id, staffA);
      expect(history.items.find((i) => i.referralId === r.id)).toMatchObject({
        entryId: null,
        state: 'in_progress',
        title: r.resource.title,
      });
      await referrals.deliver(r.id, { units: 2, amountFen: 30_000 }, deliverer);
      const expected = {
        source: 'referral',
        need_id: r.needId,
        provider_id: r.provider.id,
        granted_by: r.provider.name,
        resource_id: r.resource.id,
        title: r.resource.title,
        form: 'cash',
        frequency: 'one_off',
        amount_fen: '30000',
        units: 2,
        starts_on: '2026-10-03',
        ends_on: '2026-10-03',
        area_path: tree.communityA.path,
        tier: 'subsistence',
        residency: 'non_local',
        recorded_by_id: null,
      };
      expect(await entriesOf(r.id)).toEqual([expected]);

      // The delivery again (a retried request) is refused by the referral, and the ledger's own
      // write again (a retried transaction) adds nothing.
      await expect(referrals.deliver(r.id, { units: 1 }, deliverer)).rejects.toMatchObject({
        code: 'REFERRAL_INVALID_TRANSITION',
      });
      await ctx.get(TransactionRunner).run((manager) =>
        sut.recordDelivery(manager, {
          referralId: r.id,
          householdId: home.id,
          needId: r.needId,
          providerId: r.provider.id,
          resourceId: r.resource.id,
          categoryCode: 'medical',
          deliveredAt: new Date('2026-11-01T00:00:00Z'),
          units: 1,
          amountDeliveredFen: '99',
          coversFen: null,
        }),
      );
      expect(await entriesOf(r.id)).toEqual([expected]);
      const after = await sut.history(home.id, staffA);
      expect(after.items.filter((i) => i.referralId === r.id)).toEqual([
        expect.objectContaining({ source: 'referral', state: 'active', amountFen: 30_000 }),
      ]);
    });

    it('takes the resource’s value per unit when no amount is reported', async () => {
      const r = await acceptedReferral();
      await referrals.deliver(r.id, {}, deliverer);
      expect(await entriesOf(r.id)).toEqual([
        expect.objectContaining({ amount_fen: String(resourceValue), units: 1 }),
      ]);
    });
  });
});
