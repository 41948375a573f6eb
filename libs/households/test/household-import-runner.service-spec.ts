import { QueueEvents, Worker } from 'bullmq';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  HouseholdImportEntity,
  HouseholdImportRunner,
  HouseholdImportsRepository,
  HouseholdImportsService,
  HouseholdsModule,
} from '@onedoor/households';
import { Clock, jobIds } from '@onedoor/platform';
import { newIdNumber } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const HEADER = '户编号,所属社区编码,户籍,姓名,与户主关系,身份证号,性别,就业状况,月收入(元)';
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

describe(HouseholdImportRunner.name, () => {
  let ctx: ServiceContext;
  let sut: HouseholdImportRunner;
  let imports: HouseholdImportsService;

  beforeAll(async () => {
    ctx = await startServices([HouseholdsModule]);
    sut = ctx.get(HouseholdImportRunner);
    imports = ctx.get(HouseholdImportsService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const stored = (id: string) =>
    ctx.dataSource
      .getRepository(HouseholdImportEntity)
      .createQueryBuilder('i')
      .addSelect(['i.content', 'i.errorSheet'])
      .where('i.id = :id', { id })
      .getOneOrFail();

  it('runs a GBK CSV: imports the good households, refuses the bad with Chinese reasons and an error sheet', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const [a, b] = [tree.communityA.code, tree.communityB.code];
    const head1 = newIdNumber('1958-01-01');
    const head5 = newIdNumber('1970-05-05');
    const csv = [
      HEADER,
      `H1,${a},本地,刘一,户主,${head1},男,退休,800`,
      `H2,${a},本地,周二,户主,${wrongCheckDigit(newIdNumber('1960-02-02'))},男,失业,0`,
      `H3,${b},本地,吴三,户主,${newIdNumber('1961-03-03')},男,失业,0`,
      `H4,${a},本地,郑四,户主,${head1},男,退休,0`,
      `H5,${a},本地,王五,户主,${head5},男,失业,0`,
      `H5,${a},本地,王小,子女,${newIdNumber('2015-05-05')},未知,在校,0`,
    ].join('\r\n');

    const started = await imports.start(iconv.encode(csv, 'gbk'), '户籍.csv', assessor);
    expect(started).toMatchObject({ status: 'queued', format: 'csv', encoding: 'gb18030' });
    const job = await ctx.queue('imports').getJob(jobIds.householdImport(started.id));
    expect(job?.data).toEqual({ importId: started.id });

    // Identity numbers are personal data: the stored file is encrypted.
    const queued = await stored(started.id);
    expect(queued.content!.includes(Buffer.from(head1))).toBe(false);

    expect(await sut.run(started.id)).toEqual({ status: 'done' });
    const done = await imports.get(started.id, assessor, 'zh');
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 6,
      processedRows: 6,
      importedRows: 1,
      refusedRows: 5,
      importedHouseholds: 1,
      refusedHouseholds: 4,
      progressPercent: 100,
      hasErrorSheet: true,
    });
    expect(done.refusedSample).toEqual([
      { row: 3, reasons: ['身份证号校验位不正确'] },
      { row: 4, reasons: ['所属社区不在您的辖区内'] },
      { row: 5, reasons: ['户主已登记'] },
      { row: 6, reasons: ['同户其他行有误，整户未导入'] },
      { row: 7, reasons: ['性别取值无效（可填：男、女）'] },
    ]);
    const en = await imports.get(started.id, assessor, 'en');
    expect(en.refusedSample[0].reasons).toEqual([
      expect.stringMatching(/^id_number: .*check digit/),
    ]);

    const row = await stored(started.id);
    expect(row.content).toBeNull(); // the upload is dropped once run
    expect(row.errorSheet!.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 3, 4]))).toBe(false);
    const sheet = await sheetRows(await imports.errorSheet(started.id, assessor));
    expect(sheet[0]).toEqual(['行号', ...HEADER.split(','), '错误原因']);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[r.length - 1]])).toEqual([
      ['3', 'H2', '身份证号校验位不正确'],
      ['4', 'H3', '所属社区不在您的辖区内'],
      ['5', 'H4', '户主已登记'],
      ['6', 'H5', '同户其他行有误，整户未导入'],
      ['7', 'H5', '性别取值无效（可填：男、女）'],
    ]);
    expect(sheet[5][4]).toBe('王小'); // the original cells, as written
  });

  it('writes progress as rows go, not only at the end', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const rows = Array.from(
      { length: 45 },
      (_, i) =>
        `P${i},${tree.communityA.code},本地,某${i},户主,${newIdNumber('1980-01-01')},女,失业,0`,
    );
    const started = await imports.start(
      Buffer.from([HEADER, ...rows].join('\n')),
      undefined,
      assessor,
    );
    const progress = jest.spyOn(ctx.get(HouseholdImportsRepository), 'progress');
    const finish = jest.spyOn(ctx.get(HouseholdImportsRepository), 'finish');
    expect(await sut.run(started.id)).toEqual({ status: 'done' });
    const seen = [...progress.mock.calls, ...finish.mock.calls].map(([, p]) => p.processedRows);
    expect(seen).toEqual([0, 20, 40, 45]);
    expect(await imports.get(started.id, assessor, 'zh')).toMatchObject({
      importedRows: 45,
      hasErrorSheet: false,
    });
    await expect(imports.errorSheet(started.id, assessor)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to run an import twice, and fails one whose run was interrupted', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const csv = `${HEADER}\nH1,${tree.communityA.code},本地,刘一,户主,${newIdNumber()},男,退休,0`;
    const done = await imports.start(Buffer.from(csv), undefined, assessor);
    await sut.run(done.id);
    expect(await sut.run(done.id)).toEqual({ status: 'done' });
    expect((await imports.get(done.id, assessor, 'zh')).importedRows).toBe(1);

    const interrupted = await imports.start(Buffer.from(csv), undefined, assessor);
    await ctx.dataSource.query(`UPDATE household_import SET status = 'running' WHERE id = $1`, [
      interrupted.id,
    ]);
    expect(await sut.run(interrupted.id)).toEqual({ status: 'failed' });
    expect(await imports.get(interrupted.id, assessor, 'zh')).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/interrupted/),
    });
  });

  it('shows an import to its starter and to staff whose scope holds its area, to no one else', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const csv = `${HEADER}\nH1,${tree.communityA.code},本地,刘一,户主,${newIdNumber()},男,退休,0`;
    const started = await imports.start(Buffer.from(csv), undefined, assessor);
    const districtStaff = await ctx.factory.principal('civil_affairs', tree.district);
    const neighbour = await ctx.factory.principal('assessor', tree.streetB);
    await expect(imports.get(started.id, districtStaff, 'zh')).resolves.toMatchObject({
      id: started.id,
    });
    await expect(imports.get(started.id, neighbour, 'zh')).rejects.toMatchObject({
      code: 'HOUSEHOLD_IMPORT_NOT_FOUND',
    });
    await expect(imports.errorSheet(started.id, neighbour)).rejects.toMatchObject({
      code: 'HOUSEHOLD_IMPORT_NOT_FOUND',
    });
    const mine = await imports.listMine({ page: 1, limit: 10 }, assessor, 'zh');
    expect(mine).toMatchObject({ total: 1, items: [{ id: started.id }] });
    expect((await imports.listMine({ page: 1, limit: 10 }, neighbour, 'zh')).total).toBe(0);
  });

  it('refuses at once a file without the required columns or without data rows', async () => {
    const assessor = await ctx.factory.principal(
      'assessor',
      (await ctx.factory.district()).streetA,
    );
    await expect(
      imports.start(iconv.encode('编号,名字\n1,刘一', 'gbk'), undefined, assessor),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /lacks household_ref/ });
    await expect(imports.start(Buffer.from(HEADER), undefined, assessor)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The file has no data rows',
    });
  });

  it('queues again an import still queued after two minutes (its job lost with Redis)', async () => {
    const tree = await ctx.factory.district();
    const assessor = await ctx.factory.principal('assessor', tree.streetA);
    const csv = `${HEADER}\nH1,${tree.communityA.code},本地,刘一,户主,${newIdNumber()},男,退休,0`;
    const started = await imports.start(Buffer.from(csv), undefined, assessor);
    const queue = ctx.queue('imports');
    await queue.remove(jobIds.householdImport(started.id));
    expect(await queue.getJob(jobIds.householdImport(started.id))).toBeUndefined();
    jest.spyOn(ctx.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 3 * 60_000));
    const { requeued } = await imports.requeueStale();
    expect(requeued).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(jobIds.householdImport(started.id))).toBeDefined();

    // A job that failed before it claimed the row (database out) holds the id: replaced.
    const worker = new Worker(queue.name, () => Promise.reject(new Error('database down')), {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
    });
    const failed = (await queue.getJob(jobIds.householdImport(started.id)))!;
    const events = new QueueEvents(queue.name, queue.opts);
    await failed.waitUntilFinished(events).catch(() => undefined);
    await Promise.all([worker.close(), events.close()]);
    expect(await failed.isFailed()).toBe(true);
    await ctx.dataSource.query(`UPDATE household_import SET status = 'queued' WHERE id = $1`, [
      started.id,
    ]);
    await imports.requeueStale();
    const again = await queue.getJob(jobIds.householdImport(started.id));
    expect(await again!.isFailed()).toBe(false);
  });
});
