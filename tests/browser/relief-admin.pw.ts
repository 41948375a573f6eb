import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { picture } from './support/picture';

test('the district sets a community’s approval limit and reads the lead statistics', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, 'civil.district');

  // Limits: the level defaults until an area has its own; the district may change those below.
  await page.goto('/relief-grants/limits');
  await expect(page.getByRole('heading', { name: '审批额度' })).toBeVisible();
  await expect(page.getByTestId('limit-新华街道')).toHaveText('¥5,000.00');
  await expect(page.getByTestId('limit-和平区')).toHaveText('不限');
  const row = page.getByRole('row').filter({ has: page.getByTestId('limit-东风社区') });
  await row.getByRole('button', { name: '调整' }).click();
  const dialog = page.getByRole('dialog', { name: '调整“东风社区”的审批上限' });
  await dialog.getByLabel('审批上限（元，留空为不限）').fill('1500');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('limit-东风社区')).toHaveText('¥1,500.00');
  await expect(row.getByText('已单独设置')).toBeVisible();
  await picture(page, 'relief-grant-limits');

  // Lead statistics: one row per source that reported, and the total.
  await page.goto('/reports/leads');
  await expect(page.getByRole('heading', { name: '线索统计' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '按时研判' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '合计' })).toBeVisible();
  await picture(page, 'lead-report');
});
