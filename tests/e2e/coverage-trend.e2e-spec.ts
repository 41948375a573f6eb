import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startApi, TestContext } from './support/test-app';

/** The monthly trend over HTTP: its query, and its table as CSV and Excel in Chinese. */
describe('Coverage trend (e2e)', () => {
  let ctx: TestContext;
  let staff: string;
  let districtId: string;

  beforeAll(async () => {
    ctx = await startApi();
    const tree = await ctx.newDistrict();
    districtId = tree.district.id;
    staff = await ctx.tokenFor('civil_affairs', tree.district);
  });
  afterAll(() => ctx.close());

  const get = (query: string) =>
    ctx.http.get(`/api/reports/coverage/monthly?${query}`).set('Authorization', staff);

  it('answers one row per month, oldest first', async () => {
    const res = await get('from=2026-01&to=2026-03').expect(200);
    expect(res.body).toMatchObject({ area: { id: districtId }, category: null });
    expect(res.body.rows).toEqual(
      ['01', '02', '03'].map((m, i) => ({
        month: `2026-${m}`,
        from: `2026-${m}-01`,
        to: ['2026-01-31', '2026-02-28', '2026-03-31'][i],
        householdsWithNeed: 0,
        accessible: 0,
        attained: 0,
        accessibilityRate: null,
        attainabilityRate: null,
      })),
    );
  });

  it('writes the months as CSV and as an Excel sheet with Chinese headers', async () => {
    const csv = await get('from=2026-01&to=2026-02&format=csv').expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="coverage-monthly.csv"');
    const rows = parse(csv.text, { bom: true }) as string[][];
    expect(rows).toEqual([
      [
        '月份',
        '起始日期',
        '截止日期',
        '有需求的家庭数',
        '可及家庭数',
        '已获得服务家庭数',
        '可及率',
        '可得率',
      ],
      ['2026-01', '2026-01-01', '2026-01-31', '0', '0', '0', '', ''],
      ['2026-02', '2026-02-01', '2026-02-28', '0', '0', '0', '', ''],
    ]);

    const xlsx = await get('from=2026-01&to=2026-02&format=xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '月份',
      '起始日期',
      '截止日期',
      '有需求的家庭数',
      '可及家庭数',
      '已获得服务家庭数',
      '可及率',
      '可得率',
    ]);
    expect(sheet.getCell('A3').value).toBe('2026-02');
    expect(sheet.getCell('D3').value).toBe(0);
  });

  it('refuses a month that is not YYYY-MM, a range backwards or longer than 36 months', async () => {
    const bad = await get('from=2026-13').expect(400);
    expect(bad.body.details[0].field).toBe('from');
    const backwards = await get('from=2026-05&to=2026-04').expect(400);
    expect(backwards.body.details[0]).toMatchObject({ field: 'from', constraint: 'notAfter' });
    const long = await get('from=2023-01&to=2026-01').expect(400);
    expect(long.body.details[0]).toMatchObject({ field: 'from', constraint: 'max' });
  });
});
