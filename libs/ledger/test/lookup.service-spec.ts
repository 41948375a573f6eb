import {
  AssistanceEntriesRepository,
  AssistanceLookupsService,
  LedgerModule,
} from '@onedoor/ledger';
import type { NewAssistanceEntry } from '@onedoor/ledger';
import { MatchingModule } from '@onedoor/matching';
import { Clock, PiiCipher, type Principal } from '@onedoor/platform';
import { type District, newIdNumber } from '../../../tests/factories';
import { finishedAssistanceImport } from '../../../tests/factories/assistance-import';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

/**
 * Today is 2026-12-02 in Beijing. One household in community A (tier subsistence), a head and
 * a child; its ledger, by hand:
 *   basic_living  entry   monthly 2026-01-01 … 2026-06-30
 *   basic_living  import  monthly 2026-07-01 … (running)      → one run since 2026-01-01
 *   medical       entry   monthly 2026-10-03 … (running), voided → not received
 *   education     entry   one-off 2026-12-01                  → not current today
 *   housing       entry   monthly 2025-01-01 … 2026-12-31     → since 2025-01-01 until 2026-12-31
 * Its completed assessments: 2025-06-01 low_income, 2026-03-01 subsistence, 2026-09-01
 * subsistence → subsistence since 2026-03-01.
 */
describe(AssistanceLookupsService.name, () => {
  let ctx: ServiceContext;
  let sut: AssistanceLookupsService;
  let tree: District;
  let asker: Principal;
  const head = newIdNumber('1968-02-11');
  const child = newIdNumber('2012-09-30', 'female');
  const exitedHead = newIdNumber('1958-07-07');
  let householdId: string;

  const ask = (idNumber: string, over: Record<string, string>) =>
    sut.ask(
      { idNumber, question: 'receives', purpose: 'duplicate_check', ...over } as Parameters<
        AssistanceLookupsService['ask']
      >[0],
      asker,
    );
  const period = (r: { answer: boolean; since: string | null; until: string | null }) => ({
    answer: r.answer,
    since: r.since,
    until: r.until,
  });

  beforeAll(async () => {
    // The ledger's entries name matching's referrals: the entity metadata needs both.
    ctx = await startServices([LedgerModule, MatchingModule], { LOOKUP_MAX_PER_MINUTE: '100' });
    sut = ctx.get(AssistanceLookupsService);
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date('2026-12-02T04:00:00Z'));
    const f = ctx.factory;
    tree = await f.district();
    const provider = await f.provider(tree.district, { kind: 'government', name: '和平区医保局' });
    asker = await f.principal('provider', tree.district, provider.id);
    const assessor = await f.principal('assessor', tree.streetA);
    const h = await f.household({
      community: tree.communityA,
      tier: 'subsistence',
      members: [{ idNumber: head }, { idNumber: child, relation: 'child' }],
    });
    householdId = h.id;
    const exited = await f.household({
      community: tree.communityA,
      status: 'exited',
      members: [{ idNumber: exitedHead }],
    });
    const importId = await finishedAssistanceImport(
      (sql, params) => ctx.dataSource.query(sql, params),
      assessor.userId,
    );
    const entry = (
      over: Partial<NewAssistanceEntry> &
        Pick<NewAssistanceEntry, 'categoryCode' | 'startsOn' | 'endsOn'>,
    ): NewAssistanceEntry => ({
      householdId: h.id,
      source: 'entry',
      grantedBy: '和平区民政局',
      title: over.categoryCode,
      form: 'cash',
      frequency: 'monthly',
      amountFen: 80_000,
      areaPath: tree.communityA.path,
      tier: 'subsistence',
      residency: 'local',
      recordedById: null,
      ...over,
    });
    const [, , medical] = await ctx
      .get(AssistanceEntriesRepository)
      .insertMany(ctx.dataSource.manager, [
        entry({ categoryCode: 'basic_living', startsOn: '2026-01-01', endsOn: '2026-06-30' }),
        entry({
          categoryCode: 'basic_living',
          source: 'import',
          importId,
          startsOn: '2026-07-01',
          endsOn: null,
        }),
        entry({ categoryCode: 'medical', startsOn: '2026-10-03', endsOn: null }),
        entry({
          categoryCode: 'education',
          frequency: 'one_off',
          startsOn: '2026-12-01',
          endsOn: '2026-12-01',
        }),
        entry({ categoryCode: 'housing', startsOn: '2025-01-01', endsOn: '2026-12-31' }),
        entry({
          householdId: exited.id,
          categoryCode: 'basic_living',
          startsOn: '2026-01-01',
          endsOn: null,
        }),
      ]);
    await ctx.dataSource.query(
      `UPDATE assistance_entry SET status = 'voided', void_reason = '录入错误' WHERE id = $1`,
      [medical],
    );
    const [{ id: template }] = await ctx.dataSource.query(
      `SELECT id FROM assessment_template LIMIT 1`,
    );
    for (const [completedAt, tier] of [
      ['2025-06-01T02:00:00Z', 'low_income'],
      ['2026-03-01T02:00:00Z', 'subsistence'],
      ['2026-09-01T02:00:00Z', 'subsistence'],
    ]) {
      await ctx.dataSource.query(
        `INSERT INTO assessment (household_id, template_id, status, assessor_id, completed_at, tier)
         VALUES ($1, $2, 'completed', $3, $4, $5)`,
        [h.id, template, assessor.userId, completedAt, tier],
      );
    }
  });
  afterAll(() => ctx.close());

  it('joins an entry and the imported roll that continues it into one run', async () => {
    expect(period(await ask(head, { categoryCode: 'basic_living' }))).toEqual({
      answer: true,
      since: '2026-01-01',
      until: null,
    });
  });

  it('answers for any member of the household, with the end of a run that will stop', async () => {
    expect(period(await ask(child, { categoryCode: 'housing' }))).toEqual({
      answer: true,
      since: '2025-01-01',
      until: '2026-12-31',
    });
  });

  it('answers yes when either of two households listing the person receives it', async () => {
    // The child is also listed in its grandmother's household, which receives nothing.
    await ctx.factory.household({
      community: tree.communityB,
      tier: 'low_income',
      members: [
        { idNumber: newIdNumber('1950-05-05', 'female') },
        { idNumber: child, relation: 'grandchild' },
      ],
    });
    expect(period(await ask(child, { categoryCode: 'basic_living' }))).toEqual({
      answer: true,
      since: '2026-01-01',
      until: null,
    });
    expect(period(await ask(child, { question: 'tier', tier: 'low_income' }))).toEqual({
      answer: true,
      since: null,
      until: null,
    });
  });

  it('does not count a voided entry, nor a one-off dated before today', async () => {
    expect(period(await ask(head, { categoryCode: 'medical' }))).toEqual({
      answer: false,
      since: null,
      until: null,
    });
    expect(period(await ask(head, { categoryCode: 'education' }))).toEqual({
      answer: false,
      since: null,
      until: null,
    });
  });

  it('answers no for a household that has exited, whatever its ledger says', async () => {
    expect(period(await ask(exitedHead, { categoryCode: 'basic_living' }))).toEqual({
      answer: false,
      since: null,
      until: null,
    });
  });

  it('dates a tier from the first of the latest assessments that all gave it', async () => {
    expect(period(await ask(head, { question: 'tier', tier: 'subsistence' }))).toEqual({
      answer: true,
      since: '2026-03-01',
      until: null,
    });
    expect(period(await ask(head, { question: 'tier', tier: 'low_income' }))).toEqual({
      answer: false,
      since: null,
      until: null,
    });
  });

  it('logs the asker, the digest and the household’s area, never the number', async () => {
    await ask(child, { categoryCode: 'basic_living', purpose: 'other', purposeNote: '助学金审核' });
    const [row] = await ctx.dataSource.query(
      `SELECT * FROM assistance_lookup WHERE purpose_note = '助学金审核'`,
    );
    expect(row).toMatchObject({
      user_id: asker.userId,
      role: 'provider',
      provider_id: asker.providerId,
      user_area_path: tree.district.path,
      purpose: 'other',
      question: 'receives',
      category_code: 'basic_living',
      tier: null,
      id_hmac: ctx.get(PiiCipher).digest(child),
      household_id: householdId,
      household_area_path: tree.communityA.path,
      answer: true,
    });
    expect(JSON.stringify(row)).not.toContain(child);
  });
});
