import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { pick } from './support/ui';

const unique = () => randomBytes(4).toString('hex');

test('an officer creates an assessor, who sets a password from the one-time link and logs in', async ({
  page,
  browser,
}) => {
  const username = `pw.assessor.${unique()}`;
  const strong = `Lantern-${unique()}-harbor!`;

  // The street officer creates an assessor in their street.
  await login(page, 'civil.street');
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试救助顾问');
  await pick(page, dialog, '角色', '社区救助顾问');
  await pick(page, dialog, '所属区域', /^新华街道/);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  // The one-time link, shown once with its warning.
  const linkDialog = page.getByRole('dialog', { name: /账号已创建/ });
  await expect(linkDialog).toContainText('仅显示这一次，24 小时内有效');
  const link = await linkDialog.getByTestId('set-password-link').inputValue();
  expect(link).toMatch(/\/set-password\?token=[^&]+&username=/);
  expect(new URL(link).searchParams.get('username')).toBe(username);
  await page.screenshot({ path: '/tmp/c3-users-link.png' });
  await linkDialog.getByRole('button', { name: '我已保存链接' }).click();

  // Listed, waiting for its owner's password.
  await page.getByLabel('关键词').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('待设置密码');
  await expect(row).toContainText('新华街道');

  // The new assessor, in a browser of their own, opens the link.
  const own = await browser.newContext();
  const mine = await own.newPage();
  await mine.goto(link);
  await expect(mine.getByLabel('用户名')).toHaveValue(username);

  // A long but guessable password: the API's Chinese message beside the field.
  await mine.getByLabel('新密码', { exact: true }).fill('password1234');
  await mine.getByLabel('确认新密码').fill('password1234');
  await mine.getByRole('button', { name: '设置密码并登录' }).click();
  const passwordItem = mine
    .locator('.ant-form-item')
    .filter({ has: mine.getByLabel('新密码', { exact: true }) });
  await expect(passwordItem).toContainText('密码强度不够');
  await expect(mine.getByTestId('user-menu')).toHaveCount(0);

  // A strong one: logged in, on the workbench.
  await mine.getByLabel('新密码', { exact: true }).fill(strong);
  await mine.getByLabel('确认新密码').fill(strong);
  await mine.getByRole('button', { name: '设置密码并登录' }).click();
  await expect(mine.getByTestId('user-menu')).toContainText('测试救助顾问');
  await expect(mine).toHaveURL(/\/$/);
  await expect(mine.getByRole('heading', { name: /您好/ })).toBeVisible();
  await own.close();

  // Logging in again with the new password works.
  const again = await browser.newContext();
  const later = await again.newPage();
  await login(later, username, strong);
  await expect(later.getByTestId('user-menu')).toContainText('测试救助顾问');
  await again.close();

  // The officer now sees the account with its password set.
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(row).not.toContainText('待设置密码');
});

test('an officer resets a password (confirmed) and deactivates an account; errors sit beside fields', async ({
  page,
}) => {
  const username = `pw.reset.${unique()}`;
  await login(page, 'civil.street');
  await page.goto('/users');

  // The API's field messages beside the fields: an assessor needs an area.
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('重置测试');
  await pick(page, dialog, '角色', '社区救助顾问');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const areaItem = dialog.locator('.ant-form-item').filter({ hasText: '所属区域' });
  await expect(areaItem.locator('.ant-form-item-explain-error')).not.toBeEmpty();
  await pick(page, dialog, '所属区域', /^光明社区/);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('button', { name: '我已保存链接' }).click();

  await page.getByLabel('关键词').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('光明社区');

  // Reset password: confirm, then a new link is shown once.
  await row.getByRole('button', { name: '重置密码' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  const linkDialog = page.getByRole('dialog', { name: /密码已重置/ });
  await expect(linkDialog.getByTestId('set-password-link')).toHaveValue(/token=/);
  await linkDialog.getByRole('button', { name: '我已保存链接' }).click();

  // Deactivate: confirm; the row says so, and offers reactivation.
  await row.getByRole('button', { name: '停用' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
  await page.getByLabel('关键词').fill('');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.screenshot({ path: '/tmp/c3-users.png' });
});
