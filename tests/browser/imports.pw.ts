import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idNumber, withWrongCheckDigit } from './support/id-number';
import { login } from './support/login';

/** The demo assessor's scope is 光明街道: 光明社区 is inside it, 和谐社区 is not. */
const MINE = 'DEMO-C-D1-S1-C1';
const NOT_MINE = 'DEMO-C-D1-S2-C1';
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

/** Unique household references, so that each run imports its own rows. */
const ref = (n: number) => `PW${Date.now().toString(36)}${n}`;

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

test('an xlsx with three bad rows shows progress, the reasons and an error sheet of three rows', async ({
  page,
}) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('户籍');
  [
    HEADER,
    [ref(1), MINE, '本地', '导入甲', '户主', idNumber(), '男', '失业'],
    [ref(2), MINE, '本地', '导入乙', '户主', idNumber(), '女', '退休'],
    [ref(3), MINE, '本地', '导入丙', '户主', withWrongCheckDigit(idNumber()), '男', '失业'],
    [ref(4), NOT_MINE, '本地', '导入丁', '户主', idNumber(), '女', '失业'],
    [ref(5), MINE, '本地', '导入戊', '户主', idNumber(), '未知', '失业'],
  ].forEach((row) => sheet.addRow(row));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  await login(page, 'assessor');
  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: '批量导入家庭' })).toBeVisible();
  await upload(
    page,
    '光明社区导入测试.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  );

  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('光明社区导入测试.xlsx');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByTestId('import-status')).toHaveText('已完成', { timeout: 60_000 });
  const refused = progress.getByTestId('refused-rows');
  await expect(refused).toContainText('身份证号校验位不正确');
  await expect(refused).toContainText('所属社区不在您的辖区内');
  await expect(refused.locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: '/tmp/c1-import.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    progress.getByRole('button', { name: '下载错误明细表' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^导入错误-.*\.xlsx$/);
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  // The header, then one row per refused row, each with its reason.
  const rows = errors.worksheets[0].actualRowCount;
  expect(rows - 1).toBe(3);
  expect(errors.worksheets[0].getRow(1).values).toContain('错误原因');
});

test('a CSV saved in GBK by Chinese Excel imports', async ({ page }) => {
  const csv = [HEADER.join(','), `${ref(9)},${MINE},本地,钱七,户主,${idNumber()},男,退休`].join(
    '\r\n',
  );
  await login(page, 'assessor');
  await page.goto('/imports');
  await upload(page, '钱七.csv', 'text/csv', iconv.encode(csv, 'gbk'));

  const progress = page.getByTestId('import-progress');
  await expect(progress.getByTestId('import-status')).toHaveText('已完成', { timeout: 60_000 });
  await expect(progress).toContainText('GB18030');
  await expect(progress.getByTestId('refused-rows')).toHaveCount(0);
  await expect(page.getByText('钱七.csv').first()).toBeVisible();
});
