import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { HouseholdImportService, HouseholdsModule } from '@onedoor/households';
import { PiiCipher } from '@onedoor/platform';
import { newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const csvStream = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);

describe(HouseholdImportService.name, () => {
  let ctx: ServiceContext;
  let sut: HouseholdImportService;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(HouseholdImportService);
  });
  afterAll(() => ctx.close());

  it('imports a CSV with good and bad rows: exact counts, row errors, no partial household', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const code = tree.communityA.code;
    const ok1 = newIdNumber('1958-01-01');
    const ok2 = newIdNumber('1985-02-02', 'female');
    const okChild = newIdNumber('2012-03-03');
    const badHead = newIdNumber('1966-06-06');
    const badMember = newIdNumber('1990-09-09').slice(0, 17) + 'Z';
    const csv = [
      '户编号,社区编码,户籍,联系电话,姓名,与户主关系,身份证号,就业状况,教育阶段,月收入(元),慢性病',
      `H1,${code},本地,13900001111,刘一,户主,${ok1},退休,,800,是`,
      `H2,${code},local,,周二,self,${ok2},employed,,3000,否`,
      `H2,${code},local,,周小,child,${okChild},student,primary,0,否`,
      `H3,${code},本地,,吴三,户主,${badHead},失业,,0,否`,
      `H3,${code},本地,,吴四,配偶,${badMember},失业,,0,否`,
      `H4,NO-SUCH-COMMUNITY,本地,,郑五,户主,${newIdNumber('1970-10-10')},失业,,0,否`,
    ].join('\n');
    const result = await sut.import(csvStream(`\ufeff${csv}`), assessor);
    expect(result.households).toEqual({ imported: 2, rejected: 2 });
    expect(result.rows).toEqual({ total: 6, imported: 3, rejected: 3 });
    expect(result.errors).toEqual([
      {
        row: 6,
        field: 'id_number',
        message: 'idNumber must be 17 digits and a check digit (0-9 or X)',
        reason: '身份证号格式不正确（应为17位数字加1位校验码）',
      },
      {
        row: 7,
        field: 'community_code',
        message: 'no such community',
        reason: '所属社区编码不存在',
      },
    ]);
    const pii = ctx.get(PiiCipher);
    const heads = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM household_member WHERE id_hmac = ANY($1)`,
      [[ok1, ok2, okChild, badHead].map((id) => pii.digest(id))],
    );
    expect(heads[0].n).toBe(3); // the bad household's good head row was not written

    await expect(sut.import(csvStream('foo,bar\n1,2'), assessor)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('imports a CSV saved in GBK (Chinese Excel), decoded as it streams', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const csv = [
      '户编号,所属社区,户籍,姓名,与户主关系,身份证号,就业状况',
      `G1,${tree.communityA.code},本地,钱七,户主,${newIdNumber('1950-07-07')},退休`,
    ].join('\r\n');
    const gbk = iconv.encode(csv, 'gbk');
    const result = await sut.import(Readable.from([gbk.subarray(0, 7), gbk.subarray(7)]), assessor);
    expect(result).toMatchObject({ households: { imported: 1, rejected: 0 }, errors: [] });
  });
});
