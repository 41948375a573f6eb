import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Response } from 'supertest';
import { eventually, withMatcher } from './support/matcher-process';
import { newIdNumber, startApi, TestContext } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '户编号',
  '所属社区',
  '户籍',
  '户主姓名',
  '与户主关系',
  '身份证号',
  '性别',
  '就业状况',
];

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('户籍');
  rows.forEach((r) => sheet.addRow(r));
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

/** Supertest buffers only text; files come back as bytes. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Household imports (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const poll = (id: string, token: string) =>
    eventually(
      async () => {
        const res = await ctx.http
          .get(`/api/households/imports/${id}`)
          .set('Authorization', token)
          .expect(200);
        return ['done', 'failed'].includes(res.body.status as string) ? res.body : null;
      },
      30_000,
      `import ${id} to finish`,
    );

  it('imports an xlsx in the background: 202, progress to done, and an error sheet of the refused rows in Chinese', async () => {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const a = tree.communityA.code;
    const id = (birth: string, gender: 'male' | 'female' = 'male') => newIdNumber(birth, gender);
    const good = id('1962-02-02');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const rows = [
      HEADER,
      ['H1', a, '本地', '刘一', '户主', id('1958-01-01'), '男', '退休'],
      ['H2', a, '本地', '周二', '户主', id('1985-02-02', 'female'), '女', '在业'],
      ['H2', a, '本地', '周小', '子女', id('2012-03-03'), '男', '在校'],
      ['H3', a, '非本地', '孙三', '户主', id('1970-04-04'), '男', '失业'],
      ['B1', a, '本地', '吴四', '户主', wrongCheck, '男', '失业'],
      ['B2', tree.communityB.code, '本地', '郑五', '户主', id('1963-05-05'), '男', '失业'],
      ['B3', a, '本地', '王六', '户主', id('1964-06-06'), '未知', '失业'],
    ];
    const started = await ctx.http
      .post('/api/households/imports?filename=%E6%88%B7%E7%B1%8D.xlsx')
      .set('Authorization', assessor)
      .set('Content-Type', XLSX)
      .send(await xlsxOf(rows));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      id: expect.any(String),
      status: 'queued',
      filename: '户籍.xlsx',
      format: 'xlsx',
    });

    const done = await poll(started.body.id, assessor);
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 7,
      processedRows: 7,
      importedRows: 4,
      refusedRows: 3,
      importedHouseholds: 3,
      refusedHouseholds: 3,
      progressPercent: 100,
      hasErrorSheet: true,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    expect(done.refusedSample).toEqual([
      { row: 6, reasons: ['身份证号校验位不正确'] },
      { row: 7, reasons: ['所属社区不在您的辖区内'] },
      { row: 8, reasons: ['性别取值无效（可填：男、女）'] },
    ]);

    const sheet = await ctx.http
      .get(`/api/households/imports/${started.body.id}/errors.xlsx`)
      .set('Authorization', assessor)
      .buffer(true)
      .parse(binary);
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toBe(XLSX);
    const parsed = await sheetRows(sheet.body as Buffer);
    expect(parsed[0]).toEqual(['行号', ...HEADER, '错误原因']);
    expect(parsed.slice(1)).toEqual([
      ['6', ...rows[5], '身份证号校验位不正确'],
      ['7', ...rows[6], '所属社区不在您的辖区内'],
      ['8', ...rows[7], '性别取值无效（可填：男、女）'],
    ]);

    const mine = await ctx.http.get('/api/households/imports').set('Authorization', assessor);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ page: 1, total: 1, items: [{ id: started.body.id }] });

    // Someone whose scope does not hold the starter's area does not learn the import exists.
    const neighbour = await ctx.tokenFor('assessor', tree.streetB);
    for (const path of ['', '/errors.xlsx']) {
      const res = await ctx.http
        .get(`/api/households/imports/${started.body.id}${path}`)
        .set('Authorization', neighbour);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('HOUSEHOLD_IMPORT_NOT_FOUND');
    }
    // Staff over the district follow it.
    const districtStaff = await ctx.tokenFor('civil_affairs', tree.district);
    await ctx.http
      .get(`/api/households/imports/${started.body.id}`)
      .set('Authorization', districtStaff)
      .expect(200);
  });

  it('imports a CSV saved in GBK by Chinese Excel', async () => {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const csv = [
      HEADER.join(','),
      `G1,${tree.communityA.code},本地,钱七,户主,${newIdNumber('1950-07-07')},男,退休`,
    ].join('\r\n');
    const started = await ctx.http
      .post('/api/households/imports')
      .set('Authorization', assessor)
      .set('Content-Type', 'text/csv')
      .send(iconv.encode(csv, 'gbk'))
      .expect(202);
    expect(started.body).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(await poll(started.body.id, assessor)).toMatchObject({
      status: 'done',
      importedRows: 1,
      refusedRows: 0,
      hasErrorSheet: false,
    });
  });

  it('refuses a file without the required columns (400), over 10 MB (413), or not a file (415)', async () => {
    const assessor = await ctx.tokenFor('assessor', (await ctx.newDistrict()).streetA);
    const noHeader = await ctx.http
      .post('/api/households/imports')
      .set('Authorization', assessor)
      .set('Content-Type', 'text/csv')
      .send(iconv.encode('编号,名字\n1,刘一', 'gbk'));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.code).toBe('VALIDATION_FAILED');

    const large = await ctx.http
      .post('/api/households/imports')
      .set('Authorization', assessor)
      .set('Content-Type', 'text/csv')
      .send(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect(large.status).toBe(413);
    expect(large.body.code).toBe('IMPORT_TOO_LARGE');

    const json = await ctx.http
      .post('/api/households/imports')
      .set('Authorization', assessor)
      .send({ file: 'x' });
    expect(json.status).toBe(415);
  });

  it('hands out the template as xlsx and as UTF-8 CSV with a BOM', async () => {
    const assessor = await ctx.tokenFor('assessor', (await ctx.newDistrict()).streetA);
    const xlsx = await ctx.http
      .get('/api/households/import-template.xlsx')
      .set('Authorization', assessor)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const [header, hint, example] = await sheetRows(xlsx.body as Buffer);
    expect(header.slice(0, 2)).toEqual(['户编号', '所属社区编码']);
    expect(hint[0]).toMatch(/^#说明/);
    expect(example[0]).toBe('H001');

    const csv = await ctx.http
      .get('/api/households/import-template.csv')
      .set('Authorization', assessor)
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((csv.body as Buffer).toString('utf8')).toContain('户编号,所属社区编码');
  });
});
