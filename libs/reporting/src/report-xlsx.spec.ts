import ExcelJS from 'exceljs';
import { tableToXlsx } from './report-xlsx';

describe(tableToXlsx.name, () => {
  it('writes the header and the cells, numbers as numbers and text (formula-like too) as text', async () => {
    const buffer = await tableToXlsx(
      {
        header: ['名称', '合同金额(元)', '可得率', '说明'],
        rows: [
          ['新华街道', '8000.00', '0.6667', '=SUM(A1)'],
          ['合计', '8000.00', '', '210102'],
        ],
      },
      '覆盖率',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('覆盖率')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '名称', '合同金额(元)', '可得率', '说明']);
    expect(sheet.getCell('B2').value).toBe(8000);
    expect(sheet.getColumn(2).numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C2').value).toBe(0.6667);
    // A formula-looking name stays text: no cell of a report is ever a formula.
    expect(sheet.getCell('D2').value).toBe('=SUM(A1)');
    expect(sheet.getCell('D2').formula).toBeUndefined();
    expect(sheet.rowCount).toBe(3);
  });
});
