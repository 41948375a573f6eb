import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { assessedHousehold, call, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';

test('the administrator adds a once-per-period rule; it is listed by its labels, and staff only read the table', async ({
  page,
  request,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // A category of the test's own: a rule on a demo category would change other tests' matching.
  const admin = await token(request, 'admin');
  const suffix = randomBytes(3).toString('hex');
  const name = `叠加测试${suffix}`;
  await call(request, admin, 'post', '/api/categories', {
    code: `pw_${suffix}`,
    nameZh: name,
    nameEn: `Stacking test ${suffix}`,
    purpose: 'survival',
  });

  await login(page, 'admin');
  await page.getByRole('link', { name: '叠加规则' }).click();
  await expect(page.getByRole('heading', { name: '叠加规则' })).toBeVisible();
  // The seeded rules, by their labels: basic living is exclusive.
  await expect(page.getByRole('row').filter({ hasText: '基本生活' })).toContainText('互斥');

  await page.getByRole('button', { name: '新增规则' }).click();
  const dialog = page.getByRole('dialog', { name: '新增叠加规则' });
  // Typed: the option list is virtual, and the new category comes last.
  await dialog.getByRole('combobox', { name: '类别' }).fill(name);
  await page.getByTitle(name).click();
  // The chosen kind's label lies over the select's input.
  await dialog.getByRole('combobox', { name: '类型' }).click({ force: true });
  await page.getByTitle('周期内限一次').click();
  await dialog.getByLabel('周期（月）').fill('12');
  await dialog.getByLabel('说明').fill('同一家庭12个月内限领一次');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('规则已新增')).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('周期内限一次');
  await expect(row).toContainText('12');
  await expect(row).toContainText('同一家庭12个月内限领一次');
  await picture(page, 'stacking-rules');

  // Civil-affairs staff see the same table without the means to change it.
  const staff = await browser.newPage();
  await login(staff, 'civil.street');
  await staff.goto('/stacking-rules');
  await expect(staff.getByRole('row').filter({ hasText: name })).toContainText('周期内限一次');
  await expect(staff.getByRole('button', { name: '新增规则' })).toHaveCount(0);
  await staff.close();
});

test('an assessor sets a medical need’s money gap in yuan on the household page', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const assessor = await token(request, 'assessor');
  const head = `缺口户${randomBytes(3).toString('hex')}`;
  const householdId = await assessedHousehold(request, assessor, { name: head });

  await login(page, 'assessor');
  await page.goto(`/households/${householdId}`);
  const medical = page.getByTestId('need-medical');
  await expect(medical.getByTestId('need-gap')).toContainText('未评定费用缺口');
  // Needs without a money gap have no such line.
  await expect(page.getByTestId('need-basic_living').getByTestId('need-gap')).toHaveCount(0);

  await medical.getByRole('button', { name: '评定缺口' }).click();
  const dialog = page.getByRole('dialog', { name: '评定费用缺口' });
  await dialog.getByLabel('缺口金额（元）').fill('30000');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('费用缺口已保存')).toBeVisible();
  await expect(medical.getByTestId('need-gap')).toContainText('费用缺口 ¥30,000.00');

  // Stored in fen, on the household's timeline.
  const needs = await call<Array<{ categoryCode: string; gapFen: number | null }>>(
    request,
    assessor,
    'get',
    `/api/households/${householdId}/needs`,
  );
  expect(needs.find((n) => n.categoryCode === 'medical')!.gapFen).toBe(3_000_000);
  await medical.scrollIntoViewIfNeeded();
  await picture(page, 'need-gap');
});
