import ExcelJS from 'exceljs';
import type { ReportTable } from './report-csv';

/** A cell that is a plain decimal number (counts, rates, yuan): written as a number in Excel. */
const NUMBER = /^-?\d{1,15}(\.\d+)?$/;

/**
 * The report's table as an Excel workbook, the same cells as the CSV: one sheet, the header row
 * in bold and frozen, numbers as numbers (yuan columns, named "…(元)", with two decimals), text
 * as text — a cell is never a formula, whatever it starts with.
 */
export async function tableToXlsx(table: ReportTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneDoor';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.header).font = { bold: true };
  const yuan = table.header.map((h) => /[(（]元[)）]|\(yuan\)/i.test(h));
  for (const cells of table.rows) {
    sheet.addRow(cells.map((cell) => (NUMBER.test(cell) ? Number(cell) : cell)));
  }
  table.header.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    if (yuan[i]) column.numFmt = '#,##0.00';
    const widest = Math.max(
      header.length * 2,
      ...table.rows.slice(0, 200).map((row) => (row[i] ?? '').length),
    );
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
