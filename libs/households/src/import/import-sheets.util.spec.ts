import ExcelJS from 'exceljs';
import { CSV_COLUMNS, toCanonicalHeader } from './csv-columns';
import { readImportTable } from './import-file.util';
import {
  buildErrorSheet,
  REASON_HEADER,
  ROW_HEADER,
  templateCsv,
  templateXlsx,
} from './import-sheets.util';

describe('import template', () => {
  it.each([
    ['xlsx', templateXlsx],
    ['csv', async () => templateCsv()],
  ] as const)(
    'as %s: Chinese headers for every column, the hint row skipped, one example row',
    async (format, make) => {
      const sut = await readImportTable(await make(), format);
      expect(toCanonicalHeader(sut.header)).toEqual(Object.keys(CSV_COLUMNS));
      expect(sut.header[0]).toBe('户编号');
      expect(sut.rows).toHaveLength(1);
      expect(sut.rows[0].line).toBe(3);
      expect(sut.rows[0].cells.slice(0, 3)).toEqual(['H001', '（社区编码）', '本地']);
    },
  );

  it('writes the CSV in UTF-8 with a BOM, for Excel', () => {
    expect([...templateCsv().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('puts each hint on its header cell as a note too', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx()) as unknown as ArrayBuffer);
    const note = workbook.worksheets[0].getCell('A1').note;
    expect(JSON.stringify(note)).toContain('必填');
  });
});

describe(buildErrorSheet.name, () => {
  it('repeats each refused row with its line, its original cells (as text) and 错误原因', async () => {
    const buffer = await buildErrorSheet(
      ['户编号', '身份证号'],
      [
        { line: 3, cells: ['H2', '110105194912310020'], reasons: ['身份证号校验位不正确'] },
        { line: 4, cells: ['H3'], reasons: ['户主已登记', '所属社区不在您的辖区内'] },
      ],
    );
    const sut = await readImportTable(buffer, 'xlsx');
    expect(sut.header).toEqual([ROW_HEADER, '户编号', '身份证号', REASON_HEADER]);
    expect(sut.rows.map((r) => r.cells)).toEqual([
      ['3', 'H2', '110105194912310020', '身份证号校验位不正确'],
      ['4', 'H3', '', '户主已登记；所属社区不在您的辖区内'],
    ]);
  });
});
