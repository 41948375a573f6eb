import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  csvDecoder,
  decodeCsv,
  detectFormat,
  readBodyLimited,
  readImportTable,
  XLSX_MIME,
} from './import-file.util';

const HEADER = '户编号,所属社区编码,户籍,姓名,与户主关系,身份证号,就业状况,性别';
const ROW = 'H1,C001,本地,刘一,户主,11010519491231002X,退休,男';
const CSV = `${HEADER}\r\n${ROW}\r\n`;

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('户');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe(decodeCsv.name, () => {
  it('reads a GBK file (as Chinese Excel saves CSV) as GB18030, not as broken UTF-8', () => {
    const sut = decodeCsv(iconv.encode(CSV, 'gbk'));
    expect(sut.encoding).toBe('gb18030');
    expect(sut.text).toBe(CSV);
  });

  it('reads a GB18030 file with characters outside GBK', () => {
    const text = `${HEADER}\r\nH1,C001,本地,𠀀刘,户主,11010519491231002X,退休,男\r\n`;
    expect(decodeCsv(iconv.encode(text, 'gb18030')).text).toBe(text);
  });

  it('reads UTF-8 with a BOM, dropping the BOM', () => {
    const sut = decodeCsv(Buffer.from(`\ufeff${CSV}`, 'utf8'));
    expect(sut).toEqual({ text: CSV, encoding: 'utf-8' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(Buffer.from(CSV, 'utf8'))).toEqual({ text: CSV, encoding: 'utf-8' });
  });
});

describe(csvDecoder.name, () => {
  const through = async (chunks: Buffer[]) => {
    const out: Buffer[] = [];
    for await (const c of Readable.from(chunks).pipe(csvDecoder())) out.push(c as Buffer);
    return Buffer.concat(out).toString('utf8');
  };

  it('decodes a GBK stream to UTF-8, a character split across chunks kept whole', async () => {
    const gbk = iconv.encode(CSV, 'gbk');
    const cut = gbk.indexOf(iconv.encode('社', 'gbk')) + 1; // inside a two-byte character
    expect(await through([gbk.subarray(0, cut), gbk.subarray(cut)])).toBe(CSV);
  });

  it('passes UTF-8 through untouched, BOM included (csv-parse drops it)', async () => {
    const utf8 = Buffer.from(`\ufeff${CSV}`, 'utf8');
    expect(await through([utf8.subarray(0, 5), utf8.subarray(5)])).toBe(`\ufeff${CSV}`);
  });
});

describe(detectFormat.name, () => {
  it('tells an xlsx (a zip) from a CSV by the bytes, whatever the Content-Type said', async () => {
    expect(detectFormat(await xlsxOf([['a']]))).toBe('xlsx');
    expect(detectFormat(iconv.encode(CSV, 'gbk'))).toBe('csv');
  });

  it('refuses an old binary .xls, asking for xlsx or CSV', () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => detectFormat(xls)).toThrow(/xlsx or CSV/);
  });
});

describe(readImportTable.name, () => {
  it('gives the same table from a GBK CSV, a UTF-8 CSV and an xlsx', async () => {
    const gbk = await readImportTable(iconv.encode(CSV, 'gbk'), 'csv');
    const utf8 = await readImportTable(Buffer.from(`\ufeff${CSV}`), 'csv');
    const xlsx = await readImportTable(await xlsxOf([HEADER.split(','), ROW.split(',')]), 'xlsx');
    for (const sut of [gbk, utf8, xlsx]) {
      expect(sut.header).toEqual(HEADER.split(','));
      expect(sut.rows).toEqual([{ line: 2, cells: ROW.split(',') }]);
    }
    expect([gbk.encoding, utf8.encoding, xlsx.encoding]).toEqual(['gb18030', 'utf-8', null]);
  });

  it('reads xlsx cells as text: numbers, dates as YYYY-MM-DD, rich text and formula results', async () => {
    const sut = await readImportTable(
      await xlsxOf([
        ['a', 'b', 'c', 'd'],
        [
          800,
          new Date(Date.UTC(1980, 5, 15)),
          { richText: [{ text: '刘' }, { text: '一' }] },
          { formula: '1+1', result: 2 },
        ],
      ]),
      'xlsx',
    );
    expect(sut.rows[0].cells).toEqual(['800', '1980-06-15', '刘一', '2']);
  });

  it("skips blank rows and rows whose first cell starts with '#' (the template's hint row)", async () => {
    const sut = await readImportTable(Buffer.from(`${HEADER}\n#说明,必填\n\n,,\n${ROW}\n`), 'csv');
    expect(sut.rows.map((r) => r.line)).toEqual([5]);
  });

  it('refuses a file that claims to be xlsx but is not a workbook', async () => {
    await expect(
      readImportTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'xlsx'),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('says where a malformed CSV stopped without quoting the field', async () => {
    const bad = `${HEADER}\n"11010519491231002X,x\n`;
    await expect(readImportTable(Buffer.from(bad), 'csv')).rejects.toThrow(/^Malformed CSV.*quote/);
    await expect(readImportTable(Buffer.from(bad), 'csv')).rejects.not.toThrow(/11010519/);
  });
});

describe(readBodyLimited.name, () => {
  it('returns the body up to the limit', async () => {
    const sut = await readBodyLimited(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4);
    expect(sut.toString()).toBe('abcd');
  });

  it('answers 413 IMPORT_TOO_LARGE past the limit, after reading the rest', async () => {
    const body = Readable.from([Buffer.from('abc'), Buffer.from('de')]);
    await expect(readBodyLimited(body, 4)).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    expect(body.readableEnded).toBe(true);
  });
});

it('names the xlsx media type as browsers send it', () => {
  expect(XLSX_MIME).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});
