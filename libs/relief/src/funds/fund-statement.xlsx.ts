import ExcelJS from 'exceljs';
import { fenToYuanText, formatBeijingTime, labelOf } from '@onedoor/platform';
import { FUND_KIND_LABELS, FUND_MOVEMENT_KIND_LABELS } from '../relief.labels';
import type { FundStatementDto } from './dto/relief-fund.dto';

const yuan = (fen: number): number => Number(fenToYuanText(fen));

/**
 * A fund's statement as a workbook for the finance office: the summary (opening balance, what
 * came in and went out by kind, closing balance) above the period's lines, headers in Chinese,
 * amounts in yuan as numbers with two decimals, times in Beijing time. No cell is a formula,
 * whatever a note starts with (ExcelJS writes strings as strings).
 */
export async function statementToXlsx(s: FundStatementDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneDoor';
  const sheet = workbook.addWorksheet('收支报表');
  const summary: Array<[string, string | number]> = [
    ['资金名称', s.fundName],
    ['资金类型', labelOf(FUND_KIND_LABELS, s.kind)],
    ['所属区域', s.areaName],
    ['管理科室', s.managingOffice],
    ['报表期间', `${s.from} 至 ${s.to}`],
    ['期初余额(元)', yuan(s.openingBalanceFen)],
    ['预算/期初拨入(元)', yuan(s.budgetFen)],
    ['追加拨款(元)', yuan(s.allocationsFen)],
    ['捐赠到账(元)', yuan(s.donationsFen)],
    // Grants are debited at approval; a cancelled approval's credit back is an adjustment.
    ['救助支出（批准时支出）(元)', yuan(s.grantsFen)],
    ['调整（含撤销批准退回）(元)', yuan(s.adjustmentsFen)],
    ['期末余额(元)', yuan(s.closingBalanceFen)],
  ];
  for (const [label, value] of summary) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (typeof value === 'number') row.getCell(2).numFmt = '#,##0.00';
  }
  sheet.addRow([]);
  const header = sheet.addRow([
    '时间（北京时间）',
    '类型',
    '收入(元)',
    '支出(元)',
    '余额(元)',
    '说明',
    '经办人',
  ]);
  header.font = { bold: true };
  for (const line of s.lines) {
    const row = sheet.addRow([
      formatBeijingTime(line.occurredAt),
      labelOf(FUND_MOVEMENT_KIND_LABELS, line.kind),
      line.amountFen >= 0 ? yuan(line.amountFen) : null,
      line.amountFen < 0 ? yuan(-line.amountFen) : null,
      yuan(line.balanceAfterFen),
      line.note ?? '',
      line.recordedByName ?? '',
    ]);
    for (const c of [3, 4, 5]) row.getCell(c).numFmt = '#,##0.00';
  }
  [20, 14, 14, 14, 16, 40, 14].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
