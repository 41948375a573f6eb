import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { eventually, withMatcher } from './support/matcher-process';
import { newIdNumber, startApi, TestContext } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
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

describe('Roll imports into the assistance ledger (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('takes a roll as multipart with its fields (202), runs it in the matcher, lists it, and serves its error sheet', async () => {
    const tree = await ctx.newDistrict();
    const civil = await ctx.tokenFor('civil_affairs', tree.streetA);
    const idNumber = newIdNumber('1966-06-06');
    const household = await ctx.factory.household({
      community: tree.communityA,
      members: [{ idNumber, name: '孙甲' }],
    });
    const file = await xlsxOf([
      ['身份证号', '姓名', '金额（元）', '开始日期'],
      [idNumber, '孙甲', '500', '2026-10-03'],
      [newIdNumber('1990-01-01'), '无名', '500', '2026-10-03'],
    ]);

    const started = await ctx.http
      .post('/api/assistance-imports')
      .set('Authorization', civil)
      .attach('file', file, { filename: '临时救助发放表.xlsx', contentType: XLSX })
      .field('grantedBy', '和平区民政局')
      .field('categoryCode', 'emergency')
      .field('title', '临时救助')
      .expect(202);
    expect(started.body).toMatchObject({
      status: 'queued',
      filename: '临时救助发放表.xlsx',
      grantedBy: '和平区民政局',
      defaultCategoryCode: 'emergency',
    });

    const done = await eventually(
      async () => {
        const res = await ctx.http
          .get(`/api/assistance-imports/${started.body.id}`)
          .set('Authorization', civil)
          .expect(200);
        return ['done', 'failed'].includes(res.body.status as string) ? res.body : null;
      },
      30_000,
      'roll import to finish',
    );
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 2,
      importedRows: 1,
      unmatchedRows: 1,
      refusedRows: 0,
      hasErrorSheet: true,
      refusedSample: [{ row: 3, reasons: ['未找到该身份证号对应的登记家庭'] }],
    });
    const [entry] = (await ctx.factory.dataSource.query(
      `SELECT household_id, amount_fen, title, granted_by FROM assistance_entry WHERE import_id = $1`,
      [started.body.id],
    )) as Array<Record<string, string>>;
    expect(entry).toEqual({
      household_id: household.id,
      amount_fen: '50000',
      title: '临时救助',
      granted_by: '和平区民政局',
    });

    const list = await ctx.http
      .get('/api/assistance-imports')
      .set('Authorization', civil)
      .expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(started.body.id);

    const errors = await ctx.http
      .get(`/api/assistance-imports/${started.body.id}/errors`)
      .set('Authorization', civil)
      .buffer(true)
      .parse(binary);
    expect(errors.status).toBe(200);
    expect(errors.headers['content-type']).toBe(XLSX);
    expect(errors.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const sheet = await sheetRows(errors.body as Buffer);
    expect(sheet[0]).toEqual(['行号', '身份证号', '姓名', '金额（元）', '开始日期', '错误原因']);
    expect(sheet[1]).toEqual([
      '3',
      expect.stringMatching(/^\d{17}[\dX]$/),
      '无名',
      '500',
      '2026-10-03',
      '未找到该身份证号对应的登记家庭',
    ]);

    // Staff of another street: the same 404 as an import that does not exist.
    const other = await ctx.tokenFor('civil_affairs', tree.streetB);
    const hidden = await ctx.http
      .get(`/api/assistance-imports/${started.body.id}`)
      .set('Authorization', other)
      .set('Accept-Language', 'zh-CN');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({
      code: 'ASSISTANCE_IMPORT_NOT_FOUND',
      message: '未找到该名册导入',
    });
  });

  it('refuses no file (400), a file that is no roll (400), a file over 10 MB (413), a body that is not multipart (415), bad fields (400) and roles that do not import (403)', async () => {
    const tree = await ctx.newDistrict();
    const civil = await ctx.tokenFor('civil_affairs', tree.streetA);
    const post = (token = civil) =>
      ctx.http.post('/api/assistance-imports').set('Authorization', token);

    const noFile = await post().field('grantedBy', '民政局');
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('BAD_REQUEST');

    const png = await post()
      .attach('file', Buffer.from('\x89PNG\r\n\x1a\n not a roll'), {
        filename: 'photo.png',
        contentType: 'image/png',
      })
      .field('grantedBy', '民政局')
      .set('Accept-Language', 'zh-CN');
    expect(png.status).toBe(400);
    expect(png.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ field: 'header', message: '缺少必需的列：身份证号、开始日期' }),
      ],
    });

    const large = await post()
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), {
        filename: 'big.csv',
        contentType: 'text/csv',
      })
      .field('grantedBy', '民政局');
    expect(large.status).toBe(413);
    expect(large.body.code).toBe('IMPORT_TOO_LARGE');

    const json = await post().send({ file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const roll = Buffer.from(`身份证号,开始日期\n${newIdNumber()},2026-10-03\n`);
    const badFields = await post()
      .attach('file', roll, { filename: 'r.csv', contentType: 'text/csv' })
      .field('grantedBy', '民政局')
      .field('frequency', 'weekly')
      .field('colour', 'red');
    expect(badFields.status).toBe(400);
    expect(badFields.body.code).toBe('VALIDATION_FAILED');
    expect(badFields.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'colour',
      'frequency',
    ]);

    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const forbidden = await post(assessor).attach('file', roll, {
      filename: 'r.csv',
      contentType: 'text/csv',
    });
    expect(forbidden.status).toBe(403);
  });

  it('hands out the template as xlsx with the Chinese headers and an example row', async () => {
    const { token } = await ctx.newProviderWithUser((await ctx.newDistrict()).streetA);
    const res = await ctx.http
      .get('/api/assistance-imports/template')
      .set('Authorization', token)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const [header, hint, example] = await sheetRows(res.body as Buffer);
    expect(header).toEqual([
      '身份证号',
      '姓名',
      '救助类别',
      '救助项目',
      '发放机构',
      '救助形式',
      '发放方式',
      '金额（元）',
      '开始日期',
      '结束日期',
      '备注',
    ]);
    expect(hint[0]).toMatch(/^#说明/);
    expect(example[0]).toMatch(/^\d{17}[\dX]$/);
    expect(example[8]).toBe('2026-10-01');
  });
});
