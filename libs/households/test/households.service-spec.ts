import {
  AssessmentsService,
  HouseholdQueryDto,
  HouseholdsModule,
  HouseholdsService,
} from '@onedoor/households';
import { Clock, PiiCipher, type Principal, todayInChina } from '@onedoor/platform';
import { CALM_ANSWERS, type District, householdInput, newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { assessedHousehold } from './assess';

const query = (q: Partial<HouseholdQueryDto> = {}) =>
  Object.assign(new HouseholdQueryDto(), { limit: 100, ...q });

describe(HouseholdsService.name, () => {
  let ctx: ServiceContext;
  let sut: HouseholdsService;
  let tree: District;
  let assessorA: Principal;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(HouseholdsService);
    tree = await ctx.factory.district();
    assessorA = await ctx.factory.principal('assessor', tree.streetA);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  describe('personal data', () => {
    it('stores identity numbers only as digest and ciphertext, and shows them masked', async () => {
      const id = newIdNumber('1949-12-31', 'female');
      const created = await sut.register(
        householdInput(tree.communityA, {
          members: [{ name: '李桂兰', relation: 'self', idNumber: id, employment: 'retired' }],
        }),
        assessorA,
      );
      // The last four only, and the age rather than the birth date (the hidden digits).
      const today = todayInChina(ctx.get(Clock).now());
      expect(created.members[0]).toMatchObject({
        idNumber: `**************${id.slice(-4)}`,
        age: Number(today.slice(0, 4)) - 1949 - (today.slice(5) < '12-31' ? 1 : 0),
        gender: 'female',
      });
      expect(created.members[0]).not.toHaveProperty('birthDate');
      expect(JSON.stringify(created)).not.toContain(id.slice(0, 6));

      const [row] = await ctx.dataSource.query(
        `SELECT * FROM household_member WHERE household_id = $1`,
        [created.id],
      );
      expect(JSON.stringify(row)).not.toContain(id);
      expect(JSON.stringify(row)).not.toContain(id.slice(6, 14)); // not even the birth-date digits in a row
      const pii = ctx.get(PiiCipher);
      expect(pii.decrypt(row.id_enc)).toBe(id);
      // Nowhere else either: not in the household, its audit rows or an assessment snapshot.
      const assessments = ctx.get(AssessmentsService);
      const assessment = await assessments.start(created.id, {}, assessorA);
      await assessments.answer(assessment.id, { answers: CALM_ANSWERS }, assessorA);
      await assessments.complete(assessment.id, {}, assessorA);
      const [{ n }] = await ctx.dataSource.query(
        `SELECT (SELECT count(*) FROM household h WHERE h::text LIKE $1)
              + (SELECT count(*) FROM audit_log a WHERE a::text LIKE $1)
              + (SELECT count(*) FROM assessment s WHERE s::text LIKE $1)
              + (SELECT count(*) FROM household_member m WHERE m::text LIKE $1) AS n`,
        [`%${id}%`],
      );
      expect(Number(n)).toBe(0);
      expect(row.id_hmac).toBe(pii.digest(id));
    });

    it('refuses a second household with the same head, naming it only to those who may see it', async () => {
      const head = newIdNumber('1970-01-01');
      const input = householdInput(tree.communityA, {
        members: [{ name: '赵强', relation: 'self', idNumber: head, employment: 'employed' }],
      });
      const first = await sut.register(input, assessorA);
      await expect(sut.register(input, assessorA)).rejects.toMatchObject({
        code: 'HOUSEHOLD_DUPLICATE',
        details: { existingHouseholdId: first.id },
      });

      const assessorB = await ctx.factory.principal('assessor', tree.streetB);
      const elsewhere = await sut
        .register({ ...input, communityId: tree.communityB.id }, assessorB)
        .catch((e: unknown) => e);
      expect(elsewhere).toMatchObject({ code: 'HOUSEHOLD_DUPLICATE' });
      expect((elsewhere as { details?: unknown }).details).toBeUndefined();
    });

    it('flags a member who already belongs to another active household', async () => {
      const child = {
        name: '小明',
        relation: 'child' as const,
        idNumber: newIdNumber('2010-05-05'),
        employment: 'student' as const,
        educationStage: 'primary' as const,
      };
      const first = await sut.register(
        householdInput(tree.communityA, {
          members: [
            { name: '父', relation: 'self', idNumber: newIdNumber(), employment: 'employed' },
            child,
          ],
        }),
        assessorA,
      );
      expect(first.warnings).toEqual([]);
      const second = await sut.register(
        householdInput(tree.communityA, {
          members: [
            {
              name: '母',
              relation: 'self',
              idNumber: newIdNumber('1982-02-02', 'female'),
              employment: 'employed',
            },
            child,
          ],
        }),
        assessorA,
      );
      expect(second.warnings).toEqual([
        expect.objectContaining({
          code: 'MEMBER_IN_OTHER_HOUSEHOLD',
          memberIndex: 1,
          householdId: first.id,
        }),
      ]);
    });

    it('masks phones in lists and shows them in full to a reader in scope', async () => {
      const created = await sut.register(householdInput(tree.communityA), assessorA);
      expect(created.phone).toBe('13812345678');
      const list = await sut.list(query({ communityId: tree.communityA.id }), assessorA);
      const item = list.items.find((h) => h.id === created.id);
      expect(item?.phone).toBe('138****5678');
    });
  });

  it('lists households due for a revisit by tier interval', async () => {
    const { household } = await assessedHousehold(
      ctx,
      assessorA,
      tree.communityA,
      { sudden_event: true },
      householdInput(tree.communityA, {}, 900_000),
    );
    const clock = jest.spyOn(ctx.get(Clock), 'now');
    clock.mockReturnValue(new Date(Date.now() + 20 * 86400_000));
    const soon = await sut.dueRevisits(query(), assessorA);
    expect(soon.items.map((h) => h.id)).not.toContain(household.id);
    clock.mockReturnValue(new Date(Date.now() + 35 * 86400_000));
    const later = await sut.dueRevisits(query(), assessorA);
    expect(later.items.map((h) => h.id)).toContain(household.id); // emergency: revisit within a month
  });
});
