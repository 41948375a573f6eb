import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  AssistanceImportEntity,
  AssistanceImportRunner,
  AssistanceImportsService,
  LedgerModule,
} from '@onedoor/ledger';
import { MatchingModule } from '@onedoor/matching';
import { jobIds } from '@onedoor/platform';
import { newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const HEADER = [
  '身份证号',
  '姓名',
  '救助类别',
  '救助项目',
  '发放方式',
  '金额（元）',
  '开始日期',
  '结束日期',
];
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

async function xlsx(rows: Array<Array<string | Date>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

interface EntryRow {
  household_id: string;
  member_id: string;
  source: string;
  granted_by: string;
  provider_id: string | null;
  category_code: string;
  title: string;
  form: string;
  frequency: string;
  amount_fen: string | null;
  starts_on: string;
  ends_on: string | null;
  area_path: string;
}

describe('roll imports into the assistance ledger', () => {
  let ctx: ServiceContext;
  let imports: AssistanceImportsService;
  let runner: AssistanceImportRunner;

  beforeAll(async () => {
    // The ledger's entries name matching's referrals: its entities must be loaded too.
    ctx = await startServices([LedgerModule, MatchingModule]);
    imports = ctx.get(AssistanceImportsService);
    runner = ctx.get(AssistanceImportRunner);
  });
  afterAll(() => ctx.close());

  const entriesOf = (importIds: string[]): Promise<EntryRow[]> =>
    ctx.dataSource.query(
      `SELECT household_id, member_id, source, granted_by, provider_id, category_code, title, form,
              frequency, amount_fen, starts_on::text, ends_on::text, area_path
         FROM assistance_entry WHERE import_id = ANY($1::uuid[]) ORDER BY amount_fen`,
      [importIds],
    );

  it('imports the good rows of an xlsx roll, reports unmatched and bad rows with reasons, and a re-import adds nothing', async () => {
    const tree = await ctx.factory.district();
    const civil = await ctx.factory.principal('civil_affairs', tree.streetA);
    const [headId, childId] = [newIdNumber('1960-01-01'), newIdNumber('2012-02-02')];
    const mine = await ctx.factory.household({
      community: tree.communityA,
      tier: 'subsistence',
      members: [
        { idNumber: headId, name: '李大' },
        { idNumber: childId, name: '李小' },
      ],
    });
    const elsewhereId = newIdNumber('1970-03-03');
    await ctx.factory.household({
      community: tree.communityB, // street B: outside the importer's scope
      members: [{ idNumber: elsewhereId, name: '王外' }],
    });

    const file = await xlsx([
      // 2: one-off medical grant, an Excel date cell, yuan with one decimal
      [
        headId,
        '李大',
        '医疗救助',
        '大病医疗救助',
        '一次性',
        '1234.5',
        new Date(Date.UTC(2026, 9, 3)),
        '',
      ],
      // 3: monthly 低保 by category code, a slash date, still running
      [childId, '李 小', 'basic_living', '最低生活保障金', '按月', '850', '2026/9/1', ''],
      // 4: nobody registered under this number
      [
        newIdNumber('1980-04-04'),
        '赵无',
        '医疗救助',
        '临时救助',
        '一次性',
        '100',
        '2026-10-03',
        '',
      ],
      // 5: registered, but outside the scope: the same answer as nobody
      [elsewhereId, '王外', '医疗救助', '临时救助', '一次性', '100', '2026-10-03', ''],
      // 6–11: bad rows
      [wrongCheckDigit(headId), '李大', '医疗救助', '临时救助', '一次性', '100', '2026-10-03', ''],
      [headId, '李大', '医疗救助', '临时救助', '一次性', '100', '2026-13-01', ''],
      [headId, '李大', '医疗救助', '临时救助', '一次性', '-5', '2026-10-03', ''],
      [headId, '李大', '不存在的类别', '临时救助', '一次性', '100', '2026-10-03', ''],
      [headId, '李大', '医疗救助', '临时救助', '按月', '100', '2026年10月3日', '2026年9月30日'],
      [headId, '张三', '医疗救助', '临时救助', '一次性', '100', '2026-10-03', ''],
    ]);

    const started = await imports.start(
      file,
      '医疗救助发放表.xlsx',
      { grantedBy: '和平区医保局' },
      civil,
    );
    expect(started).toMatchObject({ status: 'queued', format: 'xlsx', grantedBy: '和平区医保局' });
    const job = await ctx.queue('imports').getJob(jobIds.assistanceImport(started.id));
    expect(job?.name).toBe('run-assistance-import');
    // The stored roll holds identity numbers: encrypted.
    const stored = await ctx.dataSource
      .getRepository(AssistanceImportEntity)
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :id', { id: started.id })
      .getOneOrFail();
    expect(stored.content!.includes(Buffer.from(headId))).toBe(false);

    expect(await runner.run(started.id)).toEqual({ status: 'done' });
    expect(await imports.get(started.id, civil, 'zh')).toMatchObject({
      status: 'done',
      totalRows: 10,
      processedRows: 10,
      importedRows: 2,
      unmatchedRows: 2,
      refusedRows: 6,
      duplicateRows: 0,
      progressPercent: 100,
      hasErrorSheet: true,
    });

    const entries = await entriesOf([started.id]);
    expect(entries).toEqual([
      {
        household_id: mine.id,
        member_id: mine.members![1].id,
        source: 'import',
        granted_by: '和平区医保局',
        provider_id: null,
        category_code: 'basic_living',
        title: '最低生活保障金',
        form: 'cash',
        frequency: 'monthly',
        amount_fen: '85000', // 850 yuan
        starts_on: '2026-09-01',
        ends_on: null,
        area_path: tree.communityA.path,
      },
      {
        household_id: mine.id,
        member_id: mine.members![0].id,
        source: 'import',
        granted_by: '和平区医保局',
        provider_id: null,
        category_code: 'medical',
        title: '大病医疗救助',
        form: 'cash',
        frequency: 'one_off',
        amount_fen: '123450', // 1234.5 yuan
        starts_on: '2026-10-03',
        ends_on: '2026-10-03',
        area_path: tree.communityA.path,
      },
    ]);

    const sheet = await sheetRows(await imports.errorSheet(started.id, civil));
    expect(sheet[0]).toEqual(['行号', ...HEADER, '错误原因']);
    expect(sheet.slice(1).map((r) => [r[0], r[r.length - 1]])).toEqual([
      ['4', '未找到该身份证号对应的登记家庭'],
      ['5', '未找到该身份证号对应的登记家庭'],
      ['6', '身份证号校验位不正确'],
      ['7', '开始日期格式应为 2026-10-03、2026/10/3 或 2026年10月3日'],
      ['8', '金额须为不小于0的数字，最多两位小数（单位：元）'],
      ['9', '救助类别不存在'],
      ['10', '结束日期不能早于开始日期'],
      ['11', '姓名与该身份证号登记的姓名不一致'],
    ]);
    expect(sheet[1][2]).toBe('赵无'); // the row's own cells, as written

    // One audit row for the household's batch, on its timeline (not one per row).
    const audits: Array<{ data: { householdId: string; entries: number } }> =
      await ctx.dataSource.query(
        `SELECT data FROM audit_log WHERE entity_type = 'assistance_import' AND entity_id = $1
            AND action = 'import_rows'`,
        [started.id],
      );
    expect(audits.map((a) => a.data)).toEqual([
      expect.objectContaining({ householdId: mine.id, entries: 2 }),
    ]);

    // The same roll again: its rows are in the ledger already.
    const again = await imports.start(
      file,
      '医疗救助发放表.xlsx',
      { grantedBy: '和平区医保局' },
      civil,
    );
    expect(await runner.run(again.id)).toEqual({ status: 'done' });
    expect(await imports.get(again.id, civil, 'zh')).toMatchObject({
      importedRows: 0,
      duplicateRows: 2,
      unmatchedRows: 2,
      refusedRows: 6,
    });
    expect(await entriesOf([started.id, again.id])).toHaveLength(2);
    // A run's job handed out twice does not run it twice.
    expect(await runner.run(again.id)).toEqual({ status: 'done' });

    // Staff of another street do not see the import (the same 404 as none).
    const other = await ctx.factory.principal('civil_affairs', tree.streetB);
    await expect(imports.get(started.id, other, 'zh')).rejects.toMatchObject({
      code: 'ASSISTANCE_IMPORT_NOT_FOUND',
    });
  });

  it("reads a GBK CSV roll with the import's defaults; a provider's rows stay within its reach and are its own", async () => {
    const tree = await ctx.factory.district();
    const provider = await ctx.factory.provider(tree.streetA, { name: '阳光慈善会' });
    const principal = await ctx.factory.principal('provider', tree.streetA, provider.id);
    const insideId = newIdNumber('1975-05-05');
    const inside = await ctx.factory.household({
      community: tree.communityA,
      members: [{ idNumber: insideId, name: '陈内' }],
    });
    const outsideId = newIdNumber('1976-06-06');
    await ctx.factory.household({
      community: tree.communityB,
      members: [{ idNumber: outsideId, name: '周外' }],
    });
    const csv = [
      '身份证号,姓名,金额(元),开始日期,发放机构,备注',
      `${insideId},陈内,"1,200.00",2026年10月3日,别的机构,冬季慰问`,
      `${outsideId},周外,300,2026-10-03,,`,
    ].join('\r\n');

    const started = await imports.start(
      iconv.encode(csv, 'gbk'),
      '慈善发放.csv',
      { grantedBy: '冒名机构', categoryCode: 'emergency', title: '冬季慰问金', form: 'cash' },
      principal,
    );
    expect(started).toMatchObject({
      encoding: 'gb18030',
      grantedBy: '阳光慈善会',
      providerId: provider.id,
    });
    expect(await runner.run(started.id)).toEqual({ status: 'done' });
    expect(await imports.get(started.id, principal, 'en')).toMatchObject({
      importedRows: 1,
      unmatchedRows: 1,
      refusedRows: 0,
      refusedSample: [{ row: 3, reasons: ['id_number: no registered household'] }],
    });
    expect(await entriesOf([started.id])).toEqual([
      expect.objectContaining({
        household_id: inside.id,
        granted_by: '阳光慈善会',
        provider_id: provider.id,
        category_code: 'emergency',
        title: '冬季慰问金',
        frequency: 'one_off',
        amount_fen: '120000',
        starts_on: '2026-10-03',
        ends_on: '2026-10-03',
      }),
    ]);
  });

  it('matches no member of a household that has exited: its rows are unmatched', async () => {
    const tree = await ctx.factory.district();
    const civil = await ctx.factory.principal('civil_affairs', tree.streetA);
    const leftId = newIdNumber('1951-09-09');
    await ctx.factory.household({
      community: tree.communityA,
      status: 'exited',
      members: [{ idNumber: leftId, name: '郑离' }],
    });
    const started = await imports.start(
      Buffer.from(`身份证号,姓名,金额(元),开始日期\n${leftId},郑离,100,2026-10-03\n`),
      null,
      { grantedBy: '民政局', categoryCode: 'emergency', title: '临时救助', form: 'cash' },
      civil,
    );
    expect(await runner.run(started.id)).toEqual({ status: 'done' });
    expect(await imports.get(started.id, civil, 'en')).toMatchObject({
      importedRows: 0,
      unmatchedRows: 1,
    });
    expect(await entriesOf([started.id])).toEqual([]);
  });

  it('writes a batch only once it holds its households’ locks: an approval holding one is not missed', async () => {
    const tree = await ctx.factory.district();
    const civil = await ctx.factory.principal('civil_affairs', tree.streetA);
    const idNumber = newIdNumber('1966-06-06');
    const household = await ctx.factory.household({
      community: tree.communityA,
      members: [{ idNumber, name: '吴锁' }],
    });
    const csv = `身份证号,姓名,金额(元),开始日期\n${idNumber},吴锁,100,2026-10-03\n`;
    const started = await imports.start(
      Buffer.from(csv),
      null,
      { grantedBy: '民政局', categoryCode: 'emergency', title: '临时救助', form: 'cash' },
      civil,
    );
    // An approval's transaction, as StackingRepository.lockHousehold takes it.
    const approval = ctx.dataSource.createQueryRunner();
    await approval.connect();
    await approval.startTransaction();
    try {
      await approval.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `household:${household.id}`,
      ]);
      let settled = false;
      const running = runner.run(started.id).finally(() => {
        settled = true;
      });
      // Until the run waits on the lock the approval holds (or has finished: the bug).
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
      expect(await entriesOf([started.id])).toEqual([]);
      await approval.commitTransaction();
      expect(await running).toEqual({ status: 'done' });
      expect(await entriesOf([started.id])).toEqual([
        expect.objectContaining({ household_id: household.id, amount_fen: '10000' }),
      ]);
    } finally {
      if (approval.isTransactionActive) await approval.rollbackTransaction();
      await approval.release();
    }
  });

  it('refuses at once a roll without the required columns, with an unknown default category, without an organization, or from an unverified provider, or naming one staff cannot use', async () => {
    const tree = await ctx.factory.district();
    const civil = await ctx.factory.principal('civil_affairs', tree.streetA);
    const pending = await ctx.factory.provider(tree.streetA, { verification: 'pending' });
    const pendingUser = await ctx.factory.principal('provider', tree.streetA, pending.id);
    await expect(
      imports.start(
        Buffer.from(`身份证号,开始日期\n${newIdNumber()},2026-10-03\n`),
        null,
        {},
        pendingUser,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Staff naming a provider are held to what recording an entry holds them to: a verified
    // organization they can see.
    for (const providerId of [pending.id, (await ctx.factory.provider(tree.streetB)).id]) {
      await expect(
        imports.start(
          Buffer.from(`身份证号,开始日期\n${newIdNumber()},2026-10-03\n`),
          null,
          { providerId },
          civil,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'providerId', constraint: 'unknownProvider' })],
      });
    }
    await expect(
      imports.start(Buffer.from('姓名,金额\n张三,100\n'), null, { grantedBy: '民政局' }, civil),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ field: 'header', params: { columns: '身份证号、开始日期' } }),
      ],
    });
    await expect(
      imports.start(
        Buffer.from(`身份证号,开始日期\n${newIdNumber()},2026-10-03\n`),
        null,
        { grantedBy: '民政局', categoryCode: 'no_such_category' },
        civil,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'categoryCode' })],
    });
    await expect(
      imports.start(
        Buffer.from(`身份证号,开始日期\n${newIdNumber()},2026-10-03\n`),
        null,
        {},
        civil,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'grantedBy' })],
    });
  });
});
