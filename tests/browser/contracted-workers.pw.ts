import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { picture } from './support/picture';
import { pick } from './support/ui';

test('a social-work organization’s admin opens a 签约社工 account for its live contract, in an area within it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const suffix = randomInt(100_000, 999_999);
  const name = `签约社工${suffix}`;

  await login(page, 'swo');
  await page.goto('/users');
  await page.getByRole('button', { name: '新建签约社工' }).click();
  const dialog = page.getByRole('dialog', { name: '新建签约社工账号' });
  await expect(
    dialog.getByText('账号随服务合同到期或终止自动失效', { exact: false }),
  ).toBeVisible();
  // The demo organization's live contract; the access end appears once it is picked.
  await pick(page, dialog, '服务合同', /法律援助服务项目/);
  await expect(dialog.getByText('有效期至')).toBeVisible();
  // The list is long and virtual (only the rows in view exist): narrow it as a user would.
  await pick(page, dialog, '服务区域', /^光明社区/, '光明社区');
  await dialog.getByLabel('用户名').fill(`worker${suffix}`);
  await dialog.getByLabel('姓名').fill(name);
  await picture(page, 'contracted-worker');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();

  // The one-time set-password link, then the worker among the organization's accounts.
  await expect(page.getByText('账号已创建，请将设置密码链接交给本人')).toBeVisible();
  await page.getByRole('button', { name: '我已保存链接' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('签约社工', { exact: true })).toBeVisible();
  await expect(row.getByText(/^有效期至 /)).toBeVisible();
  await expect(row.getByText('社区救助顾问')).toBeVisible();
});
