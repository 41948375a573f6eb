import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idNumber, withWrongCheckDigit } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';

test('a roll with an unregistered person and a bad row: counters, reasons and the error sheet', async ({
  page,
}) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  [
    ['身份证号', '姓名', '金额（元）', '开始日期'],
    [idNumber(), '未登记', '300', '2026-10-03'],
    [withWrongCheckDigit(idNumber()), '错号', '300', '2026-10-03'],
  ].forEach((row) => sheet.addRow(row));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  await login(page, 'civil.street');
  await page.goto('/assistance/imports');
  await expect(page.getByRole('heading', { name: '救助名册导入' })).toBeVisible();

  // The granting organization is required of staff; the API's answer would say so too.
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText('请填写发放机构')).toBeVisible();

  await page.getByLabel('发放机构').fill('和平区医保局');
  // The roll has no 救助类别 column: its rows take the default chosen here.
  await page.getByLabel('救助类别').fill('医疗救助');
  await page.keyboard.press('Enter');
  await page.getByLabel('救助项目').fill('医疗救助金');
  await page.locator('input[type=file]').setInputFiles({
    name: '医疗救助发放表.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx,
  });
  await expect(page.getByText('已选择：医疗救助发放表.xlsx')).toBeVisible();
  await page.getByRole('button', { name: /^导\s*入$/ }).click();

  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('医疗救助发放表.xlsx');
  await expect(progress.getByTestId('import-status')).toHaveText('已完成', { timeout: 60_000 });
  const refused = progress.getByTestId('refused-rows');
  await expect(refused).toContainText('未找到该身份证号对应的登记家庭');
  await expect(refused).toContainText('身份证号校验位不正确');
  await expect(page.getByTestId('roll-imports')).toContainText('和平区医保局');
  await picture(page, 'roll-imports');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    progress.getByRole('button', { name: '下载错误明细表' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^名册导入错误-.*\.xlsx$/);
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  expect(errors.worksheets[0].actualRowCount - 1).toBe(2);
});
